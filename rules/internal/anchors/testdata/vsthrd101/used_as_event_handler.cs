// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD101AsyncVoidLambdaAnalyzerTests.cs), test ReportWarningOnAsyncVoidLambdaBeingUsedAsEventHandler.
// anchor: VSTHRD101 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    void F() {
        EventHandler action1 = async (sender, e) => {}; // want ASY003
        EventHandler<MyEventArgs> action2 = async (sender, e) => {}; // want ASY003
    }

    class MyEventArgs : EventArgs {}
}
