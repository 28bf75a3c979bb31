// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test UnnecessaryAsyncTest2.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    static async void foo() // want ASY009
    {
        await Task.Delay(2).ConfigureAwait(false);
    }
}
