// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test Report_TaskInLambda.
// anchor: MA0134 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    void A()
    {
        _ = new System.Action(() =>
        {
            Task.Delay(0); // want ASY004
        });
    }
}
