// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test MixOfValueTaskAndTaskIsNotFixable.
// anchor: AsyncFixer01 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async ValueTask<int> foo(int x)
    {
        if (x == 0)
            return x;
        await Task.Delay(1);
        return x;
    }

    async Task<int> bar(int x)
    {
        if (x == 0)
            return x;
        await Task.Delay(1);
        return x;
    }

    async Task<int> boo(bool c) {
        if (c)
        {
            return await foo(1);
        }

        return await bar(2);
    }
}
