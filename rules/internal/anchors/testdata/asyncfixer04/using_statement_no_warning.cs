// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncCallInsideUsingBlockTests.cs), test UsingStatementNoWarning.
// anchor: AsyncFixer04 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: the using declaration disposes the stream when foo returns while CopyToAsync may still run; MA0100 flags that shape
using System;
using System.IO;

class Program
{
    static void foo()
    {
        using var stream = new FileStream("", FileMode.Open);
        stream.CopyToAsync(stream);
    }
}
