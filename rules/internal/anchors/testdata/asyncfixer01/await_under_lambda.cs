// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test AwaitExpressionsUnderLambda.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo() // want ASY009
    {
        await Task.Run(async () => await Task.FromResult(true));
    }
}
