// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test AwaitForEachUnderLambda.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

internal class Program
{
    public async Task MyFunction() // want ASY009
    {
        await Task.Run(async () =>
        {
            await foreach (var i in RangeAsync(10, 3))
            {
                Console.WriteLine(i);
            }
        });
    }

    static async IAsyncEnumerable<int> RangeAsync(int start, int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Delay(i);
            yield return start + i;
        }
    }
}
