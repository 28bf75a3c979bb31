// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test PrivateNonAsync_AsyncSuffix_InLock.
// anchor: MA0045 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
public class Test
{
    private void A()
    {
        lock (this)
        {
            Write();
        }
    }

    public void Write() => throw null;
    public Task WriteAsync() => throw null;
}
