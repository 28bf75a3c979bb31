// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test SyncInvocationWhereAsyncOptionExistsAsPrivateInOtherTypeGeneratesNoWarning.
// anchor: VSTHRD103 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    Task T() {
        Util.Foo();
        return Task.FromResult(1);
    }
}

class Util {
    internal static void Foo() { }
    private static Task FooAsync() => null;
}
