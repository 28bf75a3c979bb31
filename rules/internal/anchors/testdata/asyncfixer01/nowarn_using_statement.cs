// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test NoWarn_UsingStatement.
// anchor: AsyncFixer01 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        using var stream = FileStream.Null;
        var stream2 = FileStream.Null;
        await Task.Run(() => stream2.CopyToAsync(stream));
    }
}
