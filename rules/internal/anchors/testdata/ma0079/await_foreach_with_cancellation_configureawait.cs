// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test AwaitForEach_IAsyncEnumerable_WithCancellationAndConfigureAwait.
// anchor: MA0079 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
class Test
{
    public static async Task A(IAsyncEnumerable<int> enumerable)
    {
        var ct = new CancellationToken();
        await foreach (var item in enumerable.WithCancellation(ct).ConfigureAwait(false))
        {
        }
    }
}
