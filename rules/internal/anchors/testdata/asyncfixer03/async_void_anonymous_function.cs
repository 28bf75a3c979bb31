// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncVoidTests.cs), test AsyncVoidAnonymousFunction.
// anchor: AsyncFixer03 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    private static void foo()
    {
        bar(async i => await Task.FromResult(i)); // want ASY003
    }

    private static void bar(Action<int> action)
    {
        action(3);
    }
}
