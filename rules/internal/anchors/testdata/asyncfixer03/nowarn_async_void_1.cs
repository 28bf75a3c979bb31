// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncVoidTests.cs), test NoWarn_AsyncVoidMethodTest1.
// anchor: AsyncFixer03 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    static async Task<bool> foo()
    {
        await Task.Delay(1);
        return true;
    }
}
