using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sluice.Ingest.Readers;

namespace Sluice.Net;

public enum FrameType : byte
{
    Hello = 1,
    Batch = 2,
    Ack = 3,
    Nack = 4,
    Ping = 5,
    Pong = 6,
}

public readonly record struct Frame(FrameType Type, uint CorrelationId, ReadOnlyMemory<byte> Payload);

public sealed record FrameClientOptions(string Host, int Port, string ClientId, TimeSpan? RequestTimeout = null, int MaxFrameSize = 8 * 1024 * 1024);

public sealed class DisconnectedEventArgs : EventArgs
{
    public DisconnectedEventArgs(Exception? error) => Error = error;

    public Exception? Error { get; }
}

/// <summary>
/// Client for the collector's binary protocol: a 9-byte header (type, correlation id, payload length,
/// big-endian) followed by the payload. Requests are multiplexed over one connection and matched to
/// responses by correlation id.
/// </summary>
public sealed class FrameProtocolClient : IAsyncDisposable
{
    private const int HeaderSize = 9;

    private readonly FrameClientOptions _options;
    private readonly ILogger<FrameProtocolClient> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<Frame>> _pending = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource<bool> _closed = new TaskCompletionSource<bool>(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY022 ASY031
    private TcpClient? _tcp;
    private NetworkStream? _stream;
    private Task? _receiveLoop;
    private int _nextId;

    public FrameProtocolClient(FrameClientOptions options, ILogger<FrameProtocolClient> logger)
    {
        _options = options;
        _logger = logger;
    }

    public event EventHandler<DisconnectedEventArgs>? Disconnected;

    public Task Closed => _closed.Task;
    private TimeSpan RequestTimeout => _options.RequestTimeout ?? TimeSpan.FromSeconds(15);

    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(_options.Host, _options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        _tcp = tcp;
        _stream = tcp.GetStream();
        _receiveLoop = ReceiveLoopAsync(_stream, _shutdown.Token);
        _ = _receiveLoop.ContinueWith(t => Disconnected?.Invoke(this, new DisconnectedEventArgs(t.Exception?.GetBaseException())), CancellationToken.None); // want ASY016

        var hello = await RequestAsync(FrameType.Hello, Encoding.UTF8.GetBytes(_options.ClientId), cancellationToken).ConfigureAwait(false);
        if (hello.Type != FrameType.Ack)
            throw new ProtocolViolationException($"Collector rejected handshake with {hello.Type}.");
    }

    public async Task<bool> SendBatchAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(records, JsonLinesReader.SerializerOptions);
        if (payload.Length > _options.MaxFrameSize)
            throw new ArgumentException($"Batch of {records.Count} records is {payload.Length} bytes; the limit is {_options.MaxFrameSize}.", nameof(records));

        var reply = await RequestAsync(FrameType.Batch, payload, cancellationToken).ConfigureAwait(false);
        if (reply.Type == FrameType.Nack)
            _logger.LogWarning("Collector refused batch: {Reason}", Encoding.UTF8.GetString(reply.Payload.Span));
        return reply.Type == FrameType.Ack;
    }

    public async Task<Frame> RequestAsync(FrameType type, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var id = unchecked((uint)Interlocked.Increment(ref _nextId));
        var response = new TaskCompletionSource<Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        try
        {
            await WriteFrameAsync(type, id, payload, cancellationToken).ConfigureAwait(false);
            return await response.Task.WaitAsync(RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async Task<TimeSpan?> PingAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var pong = RequestAsync(FrameType.Ping, ReadOnlyMemory<byte>.Empty, cancellationToken);
        var winner = await Task.WhenAny(pong, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false); // want ASY026
        return winner == pong ? stopwatch.Elapsed : null;
    }

    private async Task WriteFrameAsync(FrameType type, uint id, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("Not connected.");
        var header = new byte[HeaderSize];
        header[0] = (byte)type;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), id);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(5), payload.Length);

        _writeLock.Wait(cancellationToken); // want ASY006
        try
        {
            await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            if (!payload.IsEmpty)
                await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReceiveLoopAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        Exception? error = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
                var type = (FrameType)header[0];
                var id = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5));
                if (length < 0 || length > _options.MaxFrameSize)
                    throw new ProtocolViolationException($"Frame length {length} out of range.");

                var payload = new byte[length];
                await stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);

                if (type == FrameType.Ping)
                {
                    await WriteFrameAsync(FrameType.Pong, id, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (_pending.TryRemove(id, out var waiter))
                    waiter.TrySetResult(new Frame(type, id, payload));
                else
                    _logger.LogWarning("Dropping {Type} frame for unknown correlation id {Id}", type, id);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // normal shutdown
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or ProtocolViolationException or SocketException)
        {
            error = ex;
            _logger.LogWarning(ex, "Connection to {Host}:{Port} lost", _options.Host, _options.Port);
        }
        finally
        {
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var waiter))
                    waiter.TrySetException(error ?? new ObjectDisposedException(nameof(FrameProtocolClient)));
            }
            _closed.TrySetResult(error is null);
        }
    }

    /// <summary>Synchronous close for the CLI's Ctrl+C handler.</summary>
    public void Close()
    {
        _shutdown.Cancel();
        _tcp?.Dispose();
        if (_receiveLoop is not null)
            _receiveLoop.Wait(TimeSpan.FromSeconds(2)); // want ASY001
    }

    public async ValueTask DisposeAsync()
    {
        _shutdown.Cancel();
        if (_stream is not null)
            await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp?.Dispose();
        if (_receiveLoop is not null)
        {
            try
            {
                await Task.WhenAll(_receiveLoop).ConfigureAwait(false); // want ASY030
            }
            catch (Exception ex)
            {
                _logger.LogDebug(ex, "Receive loop ended with an error during dispose");
            }
        }
        _writeLock.Dispose();
        _shutdown.Dispose();
    }
}
