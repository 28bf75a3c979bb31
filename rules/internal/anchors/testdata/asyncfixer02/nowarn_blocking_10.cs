// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test NoWarn_BlockingCallInsideAsyncTest10.
// anchor: AsyncFixer02 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task<object> fooAsync(int i)
    {
        await Task.Delay(100);
        return await Task.Run(()=>foo(i));
    }

    object foo(int i)
    {
        return i;
    }
}
