// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test Report_TaskInGetter.
// anchor: MA0134 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    int A
    {
        get
        {
            Task.Delay(0); // want ASY004
            return 0;
        }
    }
}
