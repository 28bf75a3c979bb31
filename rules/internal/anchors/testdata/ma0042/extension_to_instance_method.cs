// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test ExtensionMethodToInstanceMethod_ShouldReport.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public Task AAsync(int value, CancellationToken token = default) => throw null;
}

static class TestExtensions
{
    public static void A(this Test test, int value) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A(1); // want ASY006
    }
}
