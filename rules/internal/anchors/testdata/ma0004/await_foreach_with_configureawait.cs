// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test MissingConfigureAwait_AwaitForeach_WithConfigureAwait.
// anchor: MA0004 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
class ClassTest
{
    async Task Test()
    {
        IAsyncEnumerable<int> Enumerable() => throw null;

        CancellationToken ct = default;
        await foreach(var item in Enumerable().ConfigureAwait(false))
        {
        }
    }
}
