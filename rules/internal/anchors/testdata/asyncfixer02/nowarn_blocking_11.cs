// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test NoWarn_BlockingCallInsideAsyncTest11.
// anchor: AsyncFixer02 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.IO;
using System.Threading.Tasks;

class Program
{
    async Task<object> fooAsync(int i)
    {
        await Task.Delay(100);
        var ms = new MemoryStream();
        ms.Write(null, 0, 0);
        return null;
    }
}
