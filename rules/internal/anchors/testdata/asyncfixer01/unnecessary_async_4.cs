// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test UnnecessaryAsyncTest4.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task<int> foo(int b) // want ASY009
    {
        if (b > 5)
        {
            return await Task.Run(() => 3);
        }
        return await foo(b);
    }
}
