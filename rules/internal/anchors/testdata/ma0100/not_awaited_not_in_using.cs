// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedTask_NotInUsing.
// anchor: MA0100 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    Task Test()
    {
        return Task.Delay(1);
    }
}
