// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test AwaitedTaskInUsing.
// anchor: MA0100 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    async Task<int> Test()
    {
        using ((IDisposable)null)
        {
            return await Task.FromResult(1);
        }
    }
}
