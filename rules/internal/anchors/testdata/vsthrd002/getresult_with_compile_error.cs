// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test CodeFixIsNotOfferedWhenBlockingExpressionHasCompileErrors.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    void F() {
        Task.Delay(1, CancellationToken.None).GetAwaiter().GetResult(); // want ASY001
    }
}
