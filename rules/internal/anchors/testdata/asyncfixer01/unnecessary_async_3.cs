// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test UnnecessaryAsyncTest3.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task<int> foo() // want ASY009
    {
        return await Task.Run(()=> 3);
    }
}
