// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test TaskWhenAllResultReportsWarningWithoutAnalyzerFailure.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    void F() {
        var task = Task.Run(() => 1);
        _ = Task.WhenAll(task).Result; // want ASY001
    }
}
