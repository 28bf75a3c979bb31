// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD110ObserveResultOfAsyncCallsAnalyzerTests.cs), test ConfigureAwaitGenerics_ProducesDiagnostics.
// anchor: VSTHRD110 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    void Foo()
    {
        BarAsync().ConfigureAwait(false); // want ASY004
    }

    Task<int> BarAsync() => Task.FromResult(0);
}
