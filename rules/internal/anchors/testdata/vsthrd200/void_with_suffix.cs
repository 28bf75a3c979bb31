// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test VoidReturningMethodWithSuffix_GeneratesWarning.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Test {
    void FooAsync() { } // want ASY013

    void Bar() => FooAsync();
}
