// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD200UseAsyncNamingConventionAnalyzerTests.cs), test HomemadeIAsyncEnumerableOfTReturningMethodWithSuffix_GeneratesNoWarning.
// anchor: VSTHRD200 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;

class MyAsyncEnumerable<T> : IAsyncEnumerable<T> {
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken) => default;
}

class Test {
    MyAsyncEnumerable<int> FooAsync() => default;
}
