// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test Report_TaskInLocalTaskReturningFunction.
// anchor: MA0134 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    async Task A()
    {
        await B();

        Task B()
        {
            Task.Delay(0); // want ASY004
            return Task.CompletedTask;
        }
    }
}
