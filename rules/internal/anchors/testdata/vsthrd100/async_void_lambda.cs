// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD100AsyncVoidMethodAnalyzerTests.cs), test ReportWarningOnAsyncVoidLambda.
// anchor: VSTHRD100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test {
    void M() {
        F(async () => await Task.Delay(0)); // want ASY003

        void F(Action a) {}
    }
}
