// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test DisposeAsync_NoNeedForCancellationToken.
// anchor: MA0040 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Test : System.IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        A();
        return default;
    }

    static void A(CancellationToken cancellationToken = default)
    {
    }
}
