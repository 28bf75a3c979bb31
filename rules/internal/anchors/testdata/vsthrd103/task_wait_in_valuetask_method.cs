// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test TaskWaitInValueTaskReturningMethodGeneratesWarning.
// anchor: VSTHRD103 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    ValueTask T() {
        Task t = null;
        t.Wait(); // want ASY001
        return default;
    }
}
