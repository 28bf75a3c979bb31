// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncVoidTests.cs), test NoWarn_EventHandler.
// anchor: AsyncFixer03 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    public void foo()
    {
        AppDomain.CurrentDomain.ProcessExit += async (a, b) =>
        {
            await Task.Delay(100);
        };
    }
}
