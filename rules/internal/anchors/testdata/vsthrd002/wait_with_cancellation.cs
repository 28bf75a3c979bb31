// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test CodeFixIsNotOfferedForWaitWithCancellation.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Test {
    void F(CancellationToken cancellationToken) {
        Task.Delay(2, cancellationToken).Wait(cancellationToken); // want ASY001
    }
}
