// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test DoNotReport_Discard_ConditionalInvoke.
// anchor: MA0134 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    Task ReturnTask() => throw null;

    void A(Test instance)
    {
        _ = instance?.ReturnTask();
    }
}
