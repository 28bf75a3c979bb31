// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/NestedTaskToOuterTaskTests.cs), test NoWarn_NestedTaskToOuterTaskTest1.
// anchor: AsyncFixer05 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class asd
{
    async void main()
    {
        Task task = Task.Run(() => foo());
        await Task.WhenAny(task);
        task = Task.Run(() => Task.Run(()=>3));
    }
    Task foo()
    {
        return Task.Delay(1);
    }
}
