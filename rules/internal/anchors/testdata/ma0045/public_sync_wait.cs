// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test PublicNonAsync_Wait_NoDiagnostic.
// anchor: MA0045 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: VSTHRD002 flags the same code (vsthrd002/task_wait.cs); ASY001 follows it
using System.Threading.Tasks;
public class Test
{
    public void A()
    {
        Task.Delay(1).Wait();
    }
}
