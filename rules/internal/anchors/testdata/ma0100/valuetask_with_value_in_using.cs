// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedValueTaskWithValue_InUsing.
// anchor: MA0100 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    ValueTask<int> Test()
    {
        using ((IDisposable)null)
        {
            return new ValueTask<int>(1);
        }
    }
}
