// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test HomemadeAwaitableReturningMethodWithSuffix_GeneratesNoWarning.
// anchor: VSTHRD200 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;

class Test {
    string T() => null;
    string T2Async() => null;
}

static class AwaitExtensions {
    internal static MyAwaiter GetAwaiter(this string v) => default;
}

struct MyAwaiter {
    public void GetResult() { }
    public bool IsCompleted => false;
    public void OnCompleted(Action a) { }
}
