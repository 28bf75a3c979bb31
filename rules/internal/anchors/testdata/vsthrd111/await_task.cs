// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD111UseConfigureAwaitAnalyzerTests.cs), test AwaitOnTask_NoSuffix_GeneratesDiagnostic.
// anchor: VSTHRD111 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    async Task Foo()
    {
        await BarAsync(); // want ASY011
    }

    Task BarAsync() => default;
}
