// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test NoReport_AwaitedTaskInAsyncMethod.
// anchor: MA0134 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    async Task A()
    {
        await Task.Delay(0);
    }
}
