// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test ExtensionMethod.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading;
using System.Threading.Tasks;
using System.Diagnostics;

class Test
{
    public void A() => throw null;
}

static class TestExtensions
{
    public static async Task AAsync(this Test test, CancellationToken token = default) => throw null;
}

class demo
{
    public async Task a()
    {
        new Test().A(); // want ASY006
    }
}
