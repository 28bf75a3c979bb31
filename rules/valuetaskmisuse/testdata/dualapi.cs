using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Storage
{
    // A stream with one core for both APIs: with useAsync false the core
    // never awaits anything incomplete, so unwrapping its ValueTask is safe.
    public sealed class ThrottledStream : Stream
    {
        private readonly Stream _inner;

        public ThrottledStream(Stream inner) => _inner = inner;

        public override int Read(byte[] buffer, int offset, int count)
            => ReadCoreAsync(buffer.AsMemory(offset, count), useAsync: false, CancellationToken.None).GetAwaiter().GetResult();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ReadCoreAsync(buffer, useAsync: true, cancellationToken);

        public int Peek(Memory<byte> buffer)
            => ReadCoreAsync(buffer, useAsync: true, CancellationToken.None).GetAwaiter().GetResult(); // want ASY019

        private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
        {
            if (useAsync)
            {
                return await _inner.ReadAsync(buffer, cancellationToken);
            }
            return _inner.Read(buffer.Span);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
