// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD002UseJtfRunAnalyzerTests.cs), test CompletedTaskResultDoesNotReportWarning.
// anchor: VSTHRD002 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test {
    async void Awaited() {
        var task = Task.Run(() => 1);
        await task;
        _ = task.Result;
    }

    async void AwaitedAsArgument() {
        var task = Task.Run(() => 1);
        Consume(await task);
        _ = task.Result;
    }

    async void Guarded() {
        var task = Task.Run(() => 1);
        if (!task.IsCompleted) {
            await task.ConfigureAwait(false);
        }

        _ = task.Result;
    }

    async void GuardedWithElse() {
        var task = Task.Run(() => 1);
        if (task.IsCompleted) {
        } else {
            await task.ConfigureAwait(false);
        }

        _ = task.Result;
    }

    async void AwaitedBeforeNestedBlock(bool condition) {
        var task = Task.Run(() => 1);
        await task;
        if (condition) {
            _ = task.Result;
        }
    }

    void CompletionProperties(Task<int> task) {
        if (task.IsCompleted) {
            _ = task.Result;
        }

        if (task.IsCanceled) {
            _ = task.Result;
        }

        if (task.IsFaulted) {
            _ = task.Result;
        }

        if (task.IsCompletedSuccessfully) {
            _ = task.Result;
        }

        if (task.Status == TaskStatus.RanToCompletion) {
            _ = task.Result;
        }
    }

    async void ConditionalAwait(bool condition) {
        var task = Task.Run(() => 1);
        if (condition) {
            await task;
        }

        _ = task.Result; // want ASY001
    }

    async void ReassignedAfterAwait() {
        var task = Task.Run(() => 1);
        await task;
        task = Task.Run(() => 2);
        _ = task.Result; // want ASY001
    }

    async void ReassignedLaterInAwaitStatement() {
        var task = Task.Run(() => 1);
        Consume(await task, task = Task.Run(() => 2));
        _ = task.Result; // want ASY001
    }

    async void ReassignedEarlierInResultStatement() {
        var task = Task.Run(() => 1);
        await task;
        Consume(task = Task.Run(() => 2), task.Result); // want ASY001
    }

    void ReassignedInsideGuard(Task<int> task) {
        if (task.IsCompleted) {
            task = Task.Run(() => 2);
            _ = task.Result; // want ASY001
        }
    }

    void Consume(int value) { }
    void Consume(int value, Task<int> task) { }
    void Consume(Task<int> task, int value) { }
}
