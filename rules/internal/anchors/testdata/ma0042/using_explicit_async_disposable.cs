// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Using_ExplicitlyImplementedIAsyncDisposable_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Sample : IDisposable, IAsyncDisposable
{
    void IDisposable.Dispose() => throw null;
    ValueTask IAsyncDisposable.DisposeAsync() => throw null;
}

class Test
{
    public async Task A()
    {
        using var value = new Sample(); // want ASY020
    }
}
