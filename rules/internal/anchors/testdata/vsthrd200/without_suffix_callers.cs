// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test TaskReturningMethodWithoutSuffix_CodeFixUpdatesCallers.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    Task Foo() => null; // want ASY013
    async Task BarAsync()
    {
        await Foo();
    }
}
