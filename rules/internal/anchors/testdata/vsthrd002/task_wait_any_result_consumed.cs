// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test TaskWaitAnyDoesNotOfferCodeFixWhenResultIsConsumed.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    void F(Task task1, Task task2) {
        int index = Task.WaitAny(task1, task2); // want ASY001
    }
}
