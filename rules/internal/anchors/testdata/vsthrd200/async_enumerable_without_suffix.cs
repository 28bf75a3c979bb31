// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test IAsyncEnumerableOfTReturningMethodWithoutSuffix_GeneratesWarning.
// anchor: VSTHRD200 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;

class Test {
    IAsyncEnumerable<int> Foo() => default; // want ASY013
}
