// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/NestedTaskToOuterTaskTests.cs), test NoWarn_TaskCancelledException.
// anchor: AsyncFixer05 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: VSTHRD105 flags StartNew without a TaskScheduler (vsthrd105/startnew_no_scheduler.cs); ASY016 reports both pitfalls
using System.Threading.Tasks;

class Program
{
    async void main()
    {
        await Task.Factory.StartNew(() => foo());
    }

    TaskCanceledException foo()
    {
        return new TaskCanceledException();
    }
}
