// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Argument_OutMismatch_ShouldNotReport.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A(out int value)
    {
        value = 0;
    }

    public Task AAsync(int value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A(out var value);
    }
}
