// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD100AsyncVoidMethodAnalyzerTests.cs), test ReportWarningOnAsyncVoidMethodSimilarToAsyncEventHandler.
// anchor: VSTHRD100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    async void F(object sender, object e) { // want ASY002
    }
}
