// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test TaskWaitShouldReportWarning_WithinActionInTaskReturningMethod.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Test {
    Task F() {
        Action action = () => Task.Delay(1).Wait(); // want ASY001
        return Task.CompletedTask;
    }
}
