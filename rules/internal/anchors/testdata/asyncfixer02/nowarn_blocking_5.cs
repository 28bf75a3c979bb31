// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test NoWarn_BlockingCallInsideAsyncTest5.
// anchor: AsyncFixer02 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: VSTHRD103 and MA0042 flag a sync call whose type declares a FooAsync sibling (vsthrd103/sync_invocation_same_type.cs, ma0042/async_suffix.cs)
using System;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        // comment
        this.boo(0);
        // end comment
    }
    public int boo(int a)
    {
        return 3;
    }
    public Task<int> booAsync(int a)
    {
        return Task.Run(()=>4);
    }
}
