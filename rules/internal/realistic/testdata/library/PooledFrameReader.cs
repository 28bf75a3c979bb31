using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Protocol;

/// <summary>
/// Reads length-prefixed frames from a stream into pooled buffers.
/// </summary>
public sealed class PooledFrameReader
{
    private readonly Stream _stream;
    private readonly ArrayPool<byte> _pool;
    private readonly int _maxFrame;

    public PooledFrameReader(Stream stream, int maxFrame = 1 << 20, ArrayPool<byte>? pool = null)
    {
        _stream = stream;
        _maxFrame = maxFrame;
        _pool = pool ?? ArrayPool<byte>.Shared;
    }

    public async ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        var header = new byte[4];
        if (!await FillAsync(header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 0 || length > _maxFrame)
        {
            throw new InvalidDataException($"Frame length {length} is out of range.");
        }

        var buffer = _pool.Rent(length);
        try
        {
            if (!await FillAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("The stream ended inside a frame.");
            }

            return new Frame(buffer, length, _pool);
        }
        catch
        {
            _pool.Return(buffer);
            throw;
        }
    }

    public async Task<int> SkipFramesAsync(int count, CancellationToken cancellationToken)
    {
        var skipped = 0;
        for (var i = 0; i < count; i++)
        {
            var pending = ReadFrameAsync(cancellationToken);
            using var frame = await pending.ConfigureAwait(false);
            if (frame is null)
            {
                break;
            }

            skipped++;
        }

        return skipped;
    }

    public async Task<int> PeekLengthAsync(CancellationToken cancellationToken)
    {
        var read = ReadFrameAsync(cancellationToken);
        using var first = await read.ConfigureAwait(false);
        var again = await read.ConfigureAwait(false); // want ASY019
        return first?.Length ?? again?.Length ?? 0;
    }

    private async ValueTask<bool> FillAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = await _stream.ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return total == 0 ? false : throw new EndOfStreamException();
            }

            total += read;
        }

        return true;
    }
}

public sealed class Frame : IDisposable
{
    private byte[]? _buffer;
    private readonly ArrayPool<byte> _pool;

    internal Frame(byte[] buffer, int length, ArrayPool<byte> pool)
    {
        _buffer = buffer;
        Length = length;
        _pool = pool;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer is null ? throw new ObjectDisposedException(nameof(Frame)) : _buffer.AsSpan(0, Length);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            _pool.Return(buffer);
        }
    }
}
