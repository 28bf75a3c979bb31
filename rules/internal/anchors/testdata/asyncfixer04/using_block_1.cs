// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncCallInsideUsingBlockTests.cs), test AsyncCallInsideUsingBlockTest1.
// anchor: AsyncFixer04 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.IO;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        using (var stream = new FileStream("", FileMode.Open))
        {
            await stream.WriteAsync(new byte[] { }, 0, 0);
            await stream.WriteAsync(new byte[] { }, 0, 0).ConfigureAwait(false);
            Task t = Task.Run(async () =>
            {
                var s = await stream.ReadAsync(new byte[] { }, 0, 0);
            });
        }
    }
    void foo2()
    {
        using (var stream = new FileStream("", FileMode.Open))
        {
            stream.WriteAsync(new byte[] { }, 0, 0).Wait();
            stream.WriteAsync(new byte[] { }, 0, 0).GetAwaiter().GetResult();
        }
    }
}
