// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test BadAwaitableReturningMethodWithSuffix_GeneratesWarning.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Test {
    string T() => null;
    string T2Async() => null; // want ASY013
}

static class AwaitExtensions {
    internal static int GetAwaiter(this string v) => default;
}
