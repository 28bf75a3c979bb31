// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test NoWarn_AwaitAfterUsingStatement.
// anchor: AsyncFixer01 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
using System.IO;

class Program
{
    async Task foo()
    {
        MemoryStream destination = new MemoryStream();
        using FileStream source = File.Open("data", FileMode.Open);
        await source.CopyToAsync(destination);
    }
}
