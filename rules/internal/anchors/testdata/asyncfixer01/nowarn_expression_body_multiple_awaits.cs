// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test NoWarn_ExpressionBodyWithMultipleAwaitExprs.
// anchor: AsyncFixer01 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    public async Task<bool> OuterAsync() => await InnerAsync(await Task.FromResult(true));

    public Task<bool> InnerAsync(bool parameter) => Task.FromResult(parameter);
}
