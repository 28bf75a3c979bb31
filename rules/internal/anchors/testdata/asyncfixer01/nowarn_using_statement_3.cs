// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test NoWarn_UsingStatement3.
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

        await Task.Run(() => streamOperation());
    }
}
