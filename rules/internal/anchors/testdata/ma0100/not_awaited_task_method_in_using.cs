// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedTaskMethod_InUsing.
// anchor: MA0100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    Task<int> Test()
    {
        using ((IDisposable)null)
        {
            return TestAsync().AsTask(); // want ASY017
        }
    }

    async ValueTask<int> TestAsync() => throw null;
}
