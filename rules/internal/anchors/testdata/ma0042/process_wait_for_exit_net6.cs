// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test ProcessWaitForExit_NET6.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
using System.Diagnostics;

class Test
{
    public async Task A()
    {
        var process = new Process();
        process.WaitForExit(); // want ASY006
    }
}
