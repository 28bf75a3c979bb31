// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test AfterConfigureAwaitFalseInANonAccessibleBranch_ShouldNotReportDiagnostic.
// anchor: MA0004 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class MyClass : System.Windows.Window
{
    async Task Test()
    {
        bool a = true;
        if (a)
        {
            await Task.Delay(1).ConfigureAwait(false);
            return;
        }

        await Task.Delay(1);
    }
}
