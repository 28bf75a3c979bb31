// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test BlockingCallInsideAsyncTest7.
// anchor: AsyncFixer02 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        Task<int> t = null;
        var r = t.Result.CompareTo(5); // want ASY001
    }
}
