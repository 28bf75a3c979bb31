// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test SemaphoreSlim_Wait_FieldTimeoutFromOtherSyntaxTree.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// (the test's two syntax trees, both halves of the partial class, in one file)
using System.Threading;
using System.Threading.Tasks;

partial class Test
{
    public async Task A(SemaphoreSlim semaphore)
    {
        semaphore.Wait(Timeout);
    }
}

partial class Test
{
    private readonly int Timeout = 0;
}
