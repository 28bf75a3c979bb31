// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/NestedTaskToOuterTaskTests.cs), test NestedTaskToOuterTaskTest2.
// anchor: AsyncFixer05 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Program
{
    void main()
    {
        Task task = Task.Factory.StartNew(() => foo()); // want ASY016
    }
    Task foo()
    {
        return Task.Delay(1);
    }
}
