// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncCallInsideUsingBlockTests.cs), test AsyncCallInsideUsingBlockTest4.
// anchor: AsyncFixer04 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.IO;

class Program
{
    static void foo()
    {
        using (var stream = new FileStream("", FileMode.Open))
        {
            Task t2 = Task.Run(async () =>
            {
                var q = new A(stream);
                await Task.Delay(1);
            });
        }
    }
}
