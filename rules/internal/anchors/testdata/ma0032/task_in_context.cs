// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test CallingMethodWithATaskInContext_ShouldReportDiagnostic.
// anchor: MA0032 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Test
{
    public void A(System.Threading.Tasks.Task task)
    {
        MethodWithCancellationToken(); // want ASY012
    }

    public void MethodWithCancellationToken() => throw null;
    public void MethodWithCancellationToken(System.Threading.CancellationToken cancellationToken) => throw null;
}
