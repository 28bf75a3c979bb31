// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test CancellationTokenSourceCreate_ShouldNotReportDiagnostic.
// anchor: MA0040 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
class Test
{
    public static void A()
    {
        {
            _ = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None);
        }
    }
}
