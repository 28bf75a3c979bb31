// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Argument_InModifierDifference_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A(in int value) => throw null;
    public Task AAsync(int value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        var value = 1;
        new Test().A(in value); // want ASY006
    }
}
