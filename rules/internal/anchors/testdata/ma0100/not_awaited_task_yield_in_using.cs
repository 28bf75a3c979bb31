// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedTaskYieldMethod_InUsing.
// anchor: MA0100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    object Test()
    {
        using ((IDisposable)null)
        {
            // Custom awaitable type (not Task/ValueTask)
            return Task.Yield(); // want ASY017
        }
    }
}
