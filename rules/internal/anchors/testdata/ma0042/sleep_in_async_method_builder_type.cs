// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test AsyncMethodBuilder.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

[System.Runtime.CompilerServices.AsyncMethodBuilderAttribute(typeof(int))]
class Sample
{
    public Sample A()
    {
        Thread.Sleep(1); // want ASY005
        throw null;
    }
}
