// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test SyncInvocationWhereAsyncOptionExistsInOtherTypeGeneratesWarning.
// anchor: VSTHRD103 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    Task T() {
        Util.Foo(); // want ASY006
        return Task.FromResult(1);
    }
}

class Util {
    internal static void Foo() { }
    internal static Task FooAsync() => null;
}
