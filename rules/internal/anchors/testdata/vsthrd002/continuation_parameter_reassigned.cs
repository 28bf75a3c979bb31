// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test TaskResultReportsWarning_WhenContinuationParameterIsReassigned.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test {
    void F() {
        var task = Task.Run(() => 5);
        task.ContinueWith(t => {
            Action useResultLater = () => Console.WriteLine(t.Result); // want ASY001
            t = Task.Run(() => 6);
            useResultLater();
        });
    }
}
