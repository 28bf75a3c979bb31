// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test ProcessWaitForExit_NET5.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: the target framework (net5.0 lacks WaitForExitAsync) is not visible in syntax
using System.Threading.Tasks;
using System.Diagnostics;

class Test
{
    public async Task A()
    {
        var process = new Process();
        process.WaitForExit();
    }
}
