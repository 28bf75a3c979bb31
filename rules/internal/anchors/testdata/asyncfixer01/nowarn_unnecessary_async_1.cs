// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test NoWarn_UnnecessaryAsyncTest1.
// anchor: AsyncFixer01 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task<int> foo(int a)
    {
        if (a == 0)
            return 0;
        return await Task.Run(()=>2);
    }

    async Task boo()
    {
        await Task.Delay(1);
        await Task.Delay(1);
    }

    async Task foo2()
    {
        using (new StreamReader(""))
        {
            await Task.Delay(1);
        }
    }

    static async Task<int> boo2()
    {
        try
        {
            return await Task.Run(() => 1);
        }
        catch (Exception)
        {
            return await Task.Run(() => 1);
        }
    }
}
