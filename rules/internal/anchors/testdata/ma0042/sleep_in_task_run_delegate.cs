// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test TaskRunDelegate.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Sample
{
    public void A()
    {
        _ = Task.Run(() => Thread.Sleep(1)); // want ASY005
    }
}
