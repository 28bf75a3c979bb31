// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test TaskYieldResult.
// anchor: MA0045 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading;

class Sample
{
    public System.Runtime.CompilerServices.YieldAwaitable A()
    {
        Thread.Sleep(1); // want ASY005
        throw null;
    }
}
