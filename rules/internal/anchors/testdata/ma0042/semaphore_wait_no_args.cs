// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test SemaphoreSlim_Wait_NoArgs_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        var semaphore = new SemaphoreSlim(1);
        semaphore.Wait(); // want ASY006
    }
}
