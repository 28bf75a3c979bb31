// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/ReturnTaskFromResultInsteadOfReturningNullAnalyzerTests.cs), test AnonymousMethodsAsync.
// anchor: MA0022 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    void A()
    {
        System.Func<Task> a = delegate () { return null; }; // want ASY014
        System.Func<Task<object>> b = delegate () { return null; }; // want ASY014
        System.Func<Task> c = async delegate () { };
        System.Func<Task<object>> d = async delegate () { return null; };
        System.Func<object> e = delegate () { return null; };
    }
}
