// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test AsyncLocalFunction_Overload_NoDiagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    public void A()
    {
        Local();

        async Task Local() => Write(); // want ASY006
    }

    public void Write() => throw null;
    public Task WriteAsync() => throw null;
}
