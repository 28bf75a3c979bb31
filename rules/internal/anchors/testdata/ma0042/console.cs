// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test Console_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
class Test
{
    public async Task A()
    {
        System.Console.Out.WriteLine();
        System.Console.Out.Write(' ');
        System.Console.Out.Flush();

        System.Console.Error.WriteLine();
        System.Console.Error.Write(' ');
        System.Console.Error.Flush();
    }
}
