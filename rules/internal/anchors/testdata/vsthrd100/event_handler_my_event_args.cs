// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD100AsyncVoidMethodAnalyzerTests.cs), test ReportWarningOnAsyncVoidEventHandlerWithMyEventArgs.
// anchor: VSTHRD100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    async void F(object sender, MyEventArgs e) { // want ASY002 ASY018
    }
}

class MyEventArgs : EventArgs {}
