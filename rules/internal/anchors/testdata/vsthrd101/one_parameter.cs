// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD101AsyncVoidLambdaAnalyzerTests.cs), test ReportWarningOnAsyncVoidLambdaWithOneParameter.
// anchor: VSTHRD101 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    void F(Action<object> action) {
    }

    void T() {
        F(async (x) => { // want ASY003
        });
    }
}
