// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test ConfigureAwaitOfTIsPresent_ShouldNotReportError.
// anchor: MA0004 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class ClassTest
{
    async Task Test()
    {
        await Task.Run(() => 10).ConfigureAwait(true);
    }
}
