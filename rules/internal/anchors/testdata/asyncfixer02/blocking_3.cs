// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test BlockingCallInsideAsyncTest3.
// anchor: AsyncFixer02 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        var t = Task.Run(() => 4);
        // comment
        var b = t.Result; // want ASY001
    }
}
