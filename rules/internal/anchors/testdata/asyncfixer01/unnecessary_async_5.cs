// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test UnnecessaryAsyncTest5.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    static async Task foo() // want ASY009
    {
        var t = Task.Delay(2);
        // comment
        await t;
    }
}
