// Anchor case from semihokur/AsyncFixer (AsyncFixer.Test/BlockingCallInsideAsyncTests.cs), test BlockingCallInsideAsyncTest4.
// anchor: AsyncFixer02 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System;
using System.IO;
using System.Threading.Tasks;

class Program
{
    async Task foo()
    {
        StreamReader reader = null;
        var a = reader.ReadToEnd(); // want ASY006
        var b = await GetRequestStreamAsync();
    }
}
