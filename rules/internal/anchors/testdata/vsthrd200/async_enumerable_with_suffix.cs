// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test IAsyncEnumerableOfTReturningMethodWithSuffix_GeneratesNoWarning.
// anchor: VSTHRD200 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;

class Test {
    IAsyncEnumerable<int> FooAsync() => null;
}
