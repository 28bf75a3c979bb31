// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD103UseAsyncOptionAnalyzerTests.cs), test DoNotRaiseForDistinctSyncMethod.
// anchor: VSTHRD103 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class SomeClass {
    Task Method(){
        Bar(10, 11);
        return Task.CompletedTask;
    }

    Task<int> Foo() => Task.FromResult(11);
    async Task<int> BarAsync(int id) {
        var number = await Foo();
        return Bar(id, number);
    }
    int Bar(int id, int number) => id * number;
}
