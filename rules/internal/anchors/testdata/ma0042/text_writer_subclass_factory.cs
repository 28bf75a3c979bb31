// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingFactoryMethod_TextWriterSubclass_NoDisposeAsyncOverride_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.IO;
using System.Text;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var writer = CreateTextWriter(); // want ASY020
    }

    private MyTextWriter CreateTextWriter() => new MyTextWriter();
}

class MyTextWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;
}
