// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test BlockingCallInsideAsyncTest9.
// anchor: AsyncFixer02 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        Task.Run(()=>2).Wait(); // want ASY001
    }
}
