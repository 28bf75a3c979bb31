// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Console_DoesNotHideTheOtherTextWriters.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.IO;
using System.Threading.Tasks;
class Test
{
    public async Task A(TextWriter writer)
    {
        System.Console.Out.Write(' ');
        writer.Write(' '); // want ASY006
    }
}
