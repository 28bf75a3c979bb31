// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test IAsyncEnumerable.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class demo
{
    public IAsyncEnumerable<int> A()
    {
        Thread.Sleep(1); // want ASY005
        throw null;
    }
}
