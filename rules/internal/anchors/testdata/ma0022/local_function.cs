// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/ReturnTaskFromResultInsteadOfReturningNullAnalyzerTests.cs), test LocalFunctionAsync.
// anchor: MA0022 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    void A()
    {
        Task<object> Valid1() { return Task.FromResult<object>(null); }
        async Task<object> Valid2() { return null; }
        Task A() { return null; } // want ASY014
        Task<object> B() { return null; } // want ASY014
        Task<object> C() => null; // want ASY014
        object       D() => null;
    }
}
