// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test ExtensionMethodOnCancellationToken_NoNeedForCancellationToken.
// anchor: MA0040 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading;
using System.Threading.Tasks;

static class Test
{
    public static void WaitAsync(this CancellationToken cancellationToken)
    {
    }

    private static void A()
    {
        CancellationToken cancellationToken = default;
        cancellationToken.WaitAsync();
    }
}
