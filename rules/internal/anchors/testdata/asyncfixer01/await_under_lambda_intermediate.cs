// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test AwaitExpressionsUnderLambdaWithIntermediateMethod.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo() // want ASY009
    {
        await bar(async () => await Task.FromResult(true)).ConfigureAwait(false);
    }

    async Task bar(Func<Task<bool>> action) // want ASY009
    {
        await action();
    }
}
