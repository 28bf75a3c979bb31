// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedValueTask_InUsing.
// anchor: MA0100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    ValueTask Test()
    {
        using ((IDisposable)null)
        {
            return new ValueTask(Task.Delay(1)); // want ASY017
        }
    }
}
