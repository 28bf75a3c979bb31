// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test OutOfScopeSiblingUsingBlock.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
using System.IO;

class Program
{
    async Task foo(bool cond) // want ASY009
    {
        using (var stream = FileStream.Null)
        {
            int x = 5;
        }

        {
            var stream = "Stream";
            await Task.Run(() => { Console.WriteLine(stream.Length); });
        }
    }
}
