// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/AsyncCallInsideUsingBlockTests.cs), test AsyncCallInsideUsingBlockTest2.
// anchor: AsyncFixer04 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
// (the source omits the `;` after `using System.IO`; restored so the snippet parses)
using System;
using System.IO;

class Program
{
    static void foo()
    {
        var newStream = new FileStream("", FileMode.Create);
        using (var stream = new FileStream("existing", FileMode.Open))
        {
            newStream.CopyToAsync(stream); // want ASY017
        }
    }
}
