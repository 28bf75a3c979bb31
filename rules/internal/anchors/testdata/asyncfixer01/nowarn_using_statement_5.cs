// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test NoWarn_UsingStatement5.
// anchor: AsyncFixer01 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        using var stream = new MemoryStream();
        int streamOperation()
        {
            return stream.Read(null);
        }

        Task t = null;
        t = Task.Run(() => streamOperation());
        await t;
    }
}
