// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/ReturnTaskFromResultInsteadOfReturningNullAnalyzerTests.cs), test MethodAsync.
// anchor: MA0022 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    Task A() { return null; } // want ASY014
    Task B() => null; // want ASY014
    Task C() { return ((Test)null)?.A(); } // want ASY014
    async Task<object> Valid() { return null; }
}
