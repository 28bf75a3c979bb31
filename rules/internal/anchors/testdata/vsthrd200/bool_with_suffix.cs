// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test BoolReturningMethodWithSuffix_GeneratesWarning.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
class Test {
    bool FooAsync() => false; // want ASY013

    bool Bar() => FooAsync();
}
