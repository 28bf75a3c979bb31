// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Argument_NamedArgumentsReordered_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A(int left, int right) => throw null;
    public Task AAsync(int left, int right, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A(right: 2, left: 1); // want ASY006
    }
}
