// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedExtensionMethodOnInt32_InUsing.
// anchor: MA0100 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.Threading.Tasks;
static class TestClass
{
    static object Test()
    {
        using ((IDisposable)null)
        {
            // It should detect the extension method
            return 1; // want ASY017
        }
    }

    static System.Runtime.CompilerServices.TaskAwaiter GetAwaiter(this int value) => throw null;
}
