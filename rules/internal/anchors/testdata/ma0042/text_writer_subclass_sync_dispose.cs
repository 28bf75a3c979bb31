// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewTextWriterSubclass_NoDisposeAsyncOverride_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.IO;
using System.Text;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var writer = new MyTextWriter();
    }
}

class MyTextWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;
}
