// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Argument_NullLiteral_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A(string value) => throw null;
    public Task AAsync(string value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A(null); // want ASY006
    }
}
