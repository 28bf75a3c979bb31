// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD100AsyncVoidMethodAnalyzerTests.cs), test ReportWarningOnAsyncVoidLocalFunction.
// anchor: VSTHRD100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    void M() {
        F();

        async void F() {} // want ASY002
    }
}
