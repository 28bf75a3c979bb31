// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Using_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
using System.Diagnostics;

class Test
{
    public async Task A()
    {
        using var a = new Sample();
        using (var b = new Sample()) { }
    }

    private class Sample : IDisposable
    {
        public void Dispose() => throw null;
    }
}
