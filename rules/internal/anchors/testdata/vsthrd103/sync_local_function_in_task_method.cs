// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test DoNotRaiseInSyncLocalFunctionInsideAsyncMethod.
// anchor: VSTHRD103 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class SomeClass {
    Task Foo()
    {
        return Task.CompletedTask;

        void CompletionHandler()
        {
            this.Bar();
        }
    }

    void Bar() {}
    Task BarAsync() => Task.CompletedTask;
}
