// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NonAwaitedTaskFromResultInUsingVariable.
// anchor: MA0100 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
class TestClass
{
    Task<int> Test()
    {
        using var a = (IDisposable)null;
        return Task.FromResult(1);
    }
}
