// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewStreamSubclass_WithDisposeAsyncOverride_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.IO;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var s = new MyStream(); // want ASY020
    }
}

class MyStream : Stream
{
    public override bool CanRead => throw null;
    public override bool CanSeek => throw null;
    public override bool CanWrite => throw null;
    public override long Length => throw null;
    public override long Position { get => throw null; set => throw null; }
    public override void Flush() => throw null;
    public override int Read(byte[] buffer, int offset, int count) => throw null;
    public override long Seek(long offset, SeekOrigin origin) => throw null;
    public override void SetLength(long value) => throw null;
    public override void Write(byte[] buffer, int offset, int count) => throw null;
    public override ValueTask DisposeAsync() => throw null;
}
