// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncVoidTests.cs), test AsyncVoidAnonymousFunctionWithIntermediateMethod.
// anchor: AsyncFixer03 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;

class Program
{
    public static void Do()
    {
        Process(async input => await ProcessAsync()); // want ASY003
    }

    private static void Process(Action<int> action)
    {
        action(12);
    }

    private static Task ProcessAsync()
    {
        return Task.CompletedTask;
    }
}
