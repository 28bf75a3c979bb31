// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/AwaitTaskBeforeDisposingResourcesAnalyzerTests.cs), test NotAwaitedExtensionMethodOnValueTuple_InUsing.
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
            return (default(Task<int>), default(Task<string>)); // want ASY017
        }
    }

    static System.Runtime.CompilerServices.TaskAwaiter<(T1, T2)> GetAwaiter<T1, T2>(this (Task<T1>, Task<T2>) tasks) => throw null;
}
