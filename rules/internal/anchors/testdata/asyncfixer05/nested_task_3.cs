// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/NestedTaskToOuterTaskTests.cs), test NestedTaskToOuterTaskTest3.
// anchor: AsyncFixer05 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Program
{
    async void main()
    {
        await Task.Factory.StartNew(async () => await fooAsync()); // want ASY016
    }
    Task fooAsync()
    {
        return Task.Delay(1);
    }
}
