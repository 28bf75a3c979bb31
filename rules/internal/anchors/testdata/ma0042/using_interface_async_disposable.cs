// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Using_InterfaceInheritingIAsyncDisposable_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

interface ISample : IDisposable, IAsyncDisposable
{
}

class Test
{
    public async Task A()
    {
        using var value = Create(); // want ASY020
    }

    private ISample Create() => throw null;
}
