// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Using_Diagnostic1.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
using System.Diagnostics;

class Test
{
    public async Task A()
    {
        using var a = new Sample(); // want ASY020
    }

    private class Sample : IDisposable
    {
        public void Dispose() => throw null;
        public ValueTask DisposeAsync() => throw null;
    }
}
