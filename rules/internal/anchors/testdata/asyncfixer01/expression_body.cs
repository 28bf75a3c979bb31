// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/UnnecessaryAsyncTests.cs), test ExpressionBody.
// anchor: AsyncFixer01 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    public static async Task Foo() => await Task.FromResult(true); // want ASY009
}
