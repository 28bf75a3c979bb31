// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Async_ThreadSleep_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        System.Threading.Thread.Sleep(1); // want ASY005
    }
}
