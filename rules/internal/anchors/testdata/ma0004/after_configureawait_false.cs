// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test AfterConfigureAwaitFalse_AllAwaitShouldUseConfigureAwait.
// anchor: MA0004 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class MyClass : System.Windows.Window
{
    async Task Test()
    {
        await Task.Delay(1);
        await Task.Delay(1).ConfigureAwait(false);
        await Task.Delay(1); // want ASY011
    }
}
