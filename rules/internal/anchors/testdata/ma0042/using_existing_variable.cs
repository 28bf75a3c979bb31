// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Using_Diagnostic3.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
using System.Diagnostics;

class Test
{
    public async Task A()
    {
        var sample = new Sample();
        using (sample) { } // want ASY020
    }

    private class Sample : IDisposable
    {
        public void Dispose() => throw null;
        public ValueTask DisposeAsync() => throw null;
    }
}
