// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test SemaphoreSlim_Wait_TimeSpanZero_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading;
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        var semaphore = new SemaphoreSlim(1);
        semaphore.Wait(TimeSpan.Zero);
    }
}
