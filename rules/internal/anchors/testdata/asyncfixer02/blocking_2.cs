// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test BlockingCallInsideAsyncTest2.
// anchor: AsyncFixer02 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        Thread.Sleep(1000); // want ASY005
    }
}
