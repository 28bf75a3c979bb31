// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test MissingConfigureAwait_AwaitForeach_ShouldReportError.
// anchor: MA0004 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading.Tasks;
class ClassTest
{
    async Task Test()
    {
        IAsyncEnumerable<int> Enumerable() => throw null;

        await foreach(var item in Enumerable()) // want ASY011
        {
        }
    }
}
