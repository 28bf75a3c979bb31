// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test FixerShouldAddParentheses.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        _ = Write().Length; // want ASY006
    }

    public string Write() => throw null;
    public Task<string> WriteAsync() => throw null;
}
