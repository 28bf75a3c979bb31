// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test PrivateNonAsync_Wait_NoDiagnostic.
// anchor: MA0045 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
public class Test
{
    private void A()
    {
        Task.Delay(1).Wait(); // want ASY001
    }
}
