using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.IO;

/// <summary>
/// Wraps a stream and limits its throughput to a number of bytes per second.
/// The synchronous and asynchronous members share one core that is told
/// whether it may await.
/// </summary>
public sealed class ThrottledStream : Stream
{
    private readonly Stream _inner;
    private readonly long _bytesPerSecond;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _transferred;

    public ThrottledStream(Stream inner, long bytesPerSecond)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _bytesPerSecond = bytesPerSecond > 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));
    }

    public override bool CanRead => _inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => _inner.CanWrite;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
        => ReadCoreAsync(buffer.AsMemory(offset, count), useAsync: false, CancellationToken.None).GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ReadCoreAsync(buffer, useAsync: true, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
        => WriteCoreAsync(buffer.AsMemory(offset, count), useAsync: false, CancellationToken.None).GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        => WriteCoreAsync(buffer, useAsync: true, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        await ThrottleAsync(buffer.Length, useAsync, cancellationToken).ConfigureAwait(false);
        int read;
        if (useAsync)
        {
            read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            read = _inner.Read(buffer.Span);
        }

        Interlocked.Add(ref _transferred, read);
        return read;
    }

    private async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        await ThrottleAsync(buffer.Length, useAsync, cancellationToken).ConfigureAwait(false);
        if (useAsync)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _inner.Write(buffer.Span);
        }

        Interlocked.Add(ref _transferred, buffer.Length);
    }

    private async ValueTask ThrottleAsync(int upcoming, bool useAsync, CancellationToken cancellationToken)
    {
        var allowedSoFar = _clock.Elapsed.TotalSeconds * _bytesPerSecond;
        var excess = Interlocked.Read(ref _transferred) + upcoming - allowedSoFar;
        if (excess <= 0)
        {
            return;
        }

        var wait = TimeSpan.FromSeconds(excess / _bytesPerSecond);
        if (useAsync)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Thread.Sleep(wait);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
