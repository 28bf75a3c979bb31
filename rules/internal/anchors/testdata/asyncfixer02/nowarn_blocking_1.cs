// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test NoWarn_BlockingCallInsideAsyncTest1.
// anchor: AsyncFixer02 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: AsyncFixer's own BlockingCallInsideAsyncTest2 and MA0042 (ma0042/thread_sleep.cs) flag Thread.Sleep in an async method
using System;
using System.Threading;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        var t = Task.Run(() => 4);
        await t;
        var b = t.Result;
    }
    async Task foo2()
    {
        Thread.Sleep(10);
        boo(0);
        boo2(0);
    }
    public int boo(int a)
    {
        return a;
    }
    public async Task<int> booAsync(string a)
    {
        return 3;
    }
    public int boo2(int a)
    {
        return a;
    }
    [Obsolete("")]
    public async Task<int> boo2Async(int a)
    {
        return a;
    }
}
