// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewTextWriterSubclass_WithDisposeAsyncOverride_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.IO;
using System.Text;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var writer1 = new MyTextWriter(); // want ASY020
        using var writer2 = new DerivedTextWriter(); // want ASY020
    }
}

class MyTextWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;
    public override ValueTask DisposeAsync() => throw null;
}

class DerivedTextWriter : MyTextWriter { }
