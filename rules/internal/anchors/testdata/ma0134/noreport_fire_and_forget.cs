// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitAwaitableMethodInSyncMethodAnalyzerTests.cs), test NoReport_FireAndForget.
// anchor: MA0134 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    void A()
    {
        Task.Delay(0).FireAndForget();
    }
}

static class Extensions
{
    public static void FireAndForget(this Task task) => throw null;
}
