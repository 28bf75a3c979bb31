// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test Report_TaskConfigureAwait.
// anchor: MA0134 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    void A()
    {
        Task.Delay(0).ConfigureAwait(false); // want ASY004
    }
}
