// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Using_InterfaceNotInheritingIAsyncDisposable_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

interface ISample : IDisposable
{
}

class Test
{
    public async Task A()
    {
        using var value = Create();
    }

    private ISample Create() => throw null;
}
