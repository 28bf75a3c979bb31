// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test ValueTaskOfTReturningMethodWithoutSuffix_GeneratesWarning.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    ValueTask<int> Foo() => default; // want ASY013
}
