// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test LambdaInLock.
// anchor: MA0045 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
public class Test
{
    private void A()
    {
        lock (this)
        {
            _ = Task.FromResult(0).ContinueWith(t => t.Result);
        }
    }
}
