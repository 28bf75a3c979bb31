// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD100AsyncVoidMethodAnalyzerTests.cs), test ReportWarningOnAsyncVoidEventHandler.
// anchor: VSTHRD100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    async void F(object sender, EventArgs e) { // want ASY002 ASY018
    }
}
