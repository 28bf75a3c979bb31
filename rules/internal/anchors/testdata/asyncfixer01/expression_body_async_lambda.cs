// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test ExpressionBodyWithAsyncLambda.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    public static async Task<bool> foo() => await bar(async a => await Task.FromResult(a)); // want ASY009

    public static async Task<bool> bar(Func<bool, Task<bool>> action) => await Task.FromResult(true).ConfigureAwait(false); // want ASY009
}
