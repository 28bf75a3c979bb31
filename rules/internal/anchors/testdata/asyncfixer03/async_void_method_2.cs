// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncVoidTests.cs), test AsyncVoidMethodTest2.
// anchor: AsyncFixer03 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    private static async void foo() // want ASY002
    {
        await Task.Delay(1);
        await Task.Delay(1);
    }
}
