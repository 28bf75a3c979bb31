// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test MissingConfigureAwait_ShouldReportError.
// anchor: MA0004 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class ClassTest
{
    async Task Test()
    {
        await Task.Delay(1); // want ASY011
    }
}
