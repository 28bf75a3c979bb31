// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test AsyncLambda_Overload_NoDiagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        System.Func<Task> a = async () => Write(); // want ASY006
    }

    public void Write() => throw null;
    public Task WriteAsync() => throw null;
}
