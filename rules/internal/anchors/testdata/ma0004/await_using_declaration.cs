// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test MissingConfigureAwait_AwaitDispose_ShouldReportError.
// anchor: MA0004 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class ClassTest
{
    async Task Test()
    {
        await using var a = new AsyncDisposable(); // want ASY011
    }
}
class AsyncDisposable : IAsyncDisposable
{
    public ValueTask DisposeAsync() => throw null;
}
