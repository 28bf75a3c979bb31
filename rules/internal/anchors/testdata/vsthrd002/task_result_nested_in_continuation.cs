// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test TaskResultShouldNotReportWarning_WithinNestedDelegateInItsOwnContinuation.
// anchor: VSTHRD002 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test {
    void F() {
        var task = Task.Run(() => 5);
        task.ContinueWith(t => {
            Action useResultLater = () => Console.WriteLine(t.Result);
            useResultLater();
        });
    }
}
