// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test CallingMethodWithDefaultValueWithoutCancellationToken_ShouldReportDiagnostic.
// anchor: MA0032 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Test
{
    public void A()
    {
        MethodWithCancellationToken(); // want ASY012
    }

    public void MethodWithCancellationToken(System.Threading.CancellationToken cancellationToken = default) => throw null;
}
