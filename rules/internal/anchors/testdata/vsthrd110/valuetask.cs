// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD110ObserveResultOfAsyncCallsAnalyzerTests.cs), test SyncMethodWithValueTask_ProducesDiagnostic.
// anchor: VSTHRD110 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    void Foo()
    {
        BarAsync(); // want ASY004
    }

    ValueTask BarAsync() => default;
}
