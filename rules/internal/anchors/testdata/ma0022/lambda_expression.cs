// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/ReturnTaskFromResultInsteadOfReturningNullAnalyzerTests.cs), test LambdaExpressionAsync.
// anchor: MA0022 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    void A()
    {
        System.Func<Task>         a = () => null; // want ASY014
        System.Func<Task<object>> b = () => null; // want ASY014
        System.Func<Task<object>> c = () => { return null; }; // want ASY014
        System.Func<Task>         valid1 = async () => { };
        System.Func<Task<object>> valid2 = async () => null;
        System.Func<object>       valid3 = () => null;
    }
}
