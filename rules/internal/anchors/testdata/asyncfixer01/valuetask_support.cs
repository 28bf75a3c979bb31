// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test ValueTaskSupport.
// anchor: AsyncFixer01 flagged
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

    async ValueTask<int> bar(int x)
    {
        if (x == 0)
            return x;
        await Task.Delay(1);
        return x;
    }

    async ValueTask<int> boo(bool c) { // want ASY009
        if (c)
        {
            return await foo(1).ConfigureAwait(true);
        }

        return await bar(2);
    }
}
