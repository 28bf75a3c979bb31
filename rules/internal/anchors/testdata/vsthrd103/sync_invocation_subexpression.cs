// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test SyncInvocationWhereAsyncOptionExistsInSubExpressionGeneratesWarning.
// anchor: VSTHRD103 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    Task T() {
        int r = Foo().CompareTo(1); // want ASY006
        return Task.FromResult(1);
    }

    internal static int Foo() => 5;
    internal static Task<int> FooAsync() => null;
}
