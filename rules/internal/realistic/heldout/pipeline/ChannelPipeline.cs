using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sluice.Ingest.Readers;

namespace Sluice.Ingest.Pipeline;

public sealed record PipelineOptions(
    int Capacity = 10_000,
    int ParserWorkers = 4,
    int EnricherWorkers = 2,
    BoundedChannelFullMode FullMode = BoundedChannelFullMode.Wait);

/// <summary>A raw line as received from an agent, before parsing.</summary>
public readonly record struct RawLine(string Agent, string Format, string Text, DateTimeOffset ReceivedAt);

public interface ILineParser
{
    bool TryParse(in RawLine line, out LogRecord record);
}

public interface IRecordEnricher
{
    ValueTask<LogRecord> EnrichAsync(LogRecord record, CancellationToken cancellationToken = default);
}

public interface IRecordSink
{
    ValueTask WriteAsync(LogRecord record, CancellationToken cancellationToken = default);
    Task FlushAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// raw lines -> [parse x N] -> parsed records -> [enrich x M] -> sink.
/// Bounded channels give end-to-end backpressure to the TCP/HTTP receivers.
/// </summary>
public sealed class IngestPipeline : IAsyncDisposable
{
    private readonly Channel<RawLine> _raw;
    private readonly Channel<LogRecord> _parsed;
    private readonly ILineParser _parser;
    private readonly IRecordEnricher _enricher;
    private readonly IRecordSink _sink;
    private readonly PipelineOptions _options;
    private readonly ILogger<IngestPipeline> _logger;
    private readonly List<Task> _parserTasks = new();
    private readonly List<Task> _enricherTasks = new();
    private readonly CancellationTokenSource _cts = new();
    private long _rejected;
    private long _backpressureWaits;

    public IngestPipeline(ILineParser parser, IRecordEnricher enricher, IRecordSink sink, PipelineOptions options, ILogger<IngestPipeline> logger)
    {
        _parser = parser;
        _enricher = enricher;
        _sink = sink;
        _options = options;
        _logger = logger;
        var bounded = new BoundedChannelOptions(options.Capacity) { FullMode = options.FullMode };
        _raw = Channel.CreateBounded<RawLine>(bounded);
        _parsed = Channel.CreateBounded<LogRecord>(bounded);
    }

    public ChannelWriter<RawLine> Input => _raw.Writer;
    public long Rejected => Interlocked.Read(ref _rejected);
    public long BackpressureWaits => Interlocked.Read(ref _backpressureWaits);

    public void Start()
    {
        for (var i = 0; i < _options.ParserWorkers; i++)
            _parserTasks.Add(Task.Run(() => ParseLoopAsync(_cts.Token))); // want ASY008

        for (var i = 0; i < _options.EnricherWorkers; i++)
            _enricherTasks.Add(EnrichLoopAsync(_cts.Token));

        // When every parser has drained the raw channel, the parsed channel is complete too.
        _ = Task.WhenAll(_parserTasks).ContinueWith(
            t => _parsed.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async Task<long> PublishAsync(IAsyncEnumerable<RawLine> lines, CancellationToken cancellationToken)
    {
        long published = 0;
        await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await _raw.Writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            published++;
        }
        return published;
    }

    /// <summary>Replay path: already-parsed records skip the parser stage.</summary>
    public async ValueTask PublishRecordAsync(LogRecord record, CancellationToken cancellationToken)
    {
        var write = _parsed.Writer.WriteAsync(record, cancellationToken);
        if (!write.IsCompletedSuccessfully)
        {
            var waited = Stopwatch.StartNew();
            Interlocked.Increment(ref _backpressureWaits);
            await write.ConfigureAwait(false);
            _logger.LogTrace("Replay writer waited {Elapsed} for capacity", waited.Elapsed);
        }
        await write.ConfigureAwait(false); // want ASY019
    }

    /// <summary>Bounded blocking publish for the legacy syslog UDP listener, which has no async path.</summary>
    public bool Publish(RawLine line, TimeSpan timeout)
    {
        if (_raw.Writer.TryWrite(line))
            return true;

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            _raw.Writer.WriteAsync(line, cts.Token).GetAwaiter().GetResult(); // want ASY001
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        _raw.Writer.TryComplete();
        await Task.WhenAll(_parserTasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_enricherTasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        _sink.FlushAsync(cancellationToken); // want ASY004
        _logger.LogInformation("Pipeline drained; {Rejected} lines rejected", Rejected);
    }

    /// <summary>Forces buffered records out of the sink without completing the pipeline (admin "flush" button).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default) // want ASY009
    {
        _logger.LogInformation("Manual flush requested; {Pending} parsed records queued", _parsed.Reader.Count);
        await _sink.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ParseLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _raw.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var raw))
            {
                if (!_parser.TryParse(raw, out var record))
                {
                    Interlocked.Increment(ref _rejected);
                    continue;
                }
                await _parsed.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task EnrichLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var record in _parsed.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            LogRecord enriched;
            try
            {
                enriched = await _enricher.EnrichAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Enricher failed for record from {Source}; forwarding unenriched", record.Source);
                enriched = record;
            }
            await _sink.WriteAsync(enriched, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        _raw.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_parserTasks).ConfigureAwait(false);
            await Task.WhenAll(_enricherTasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // expected on shutdown
        }
        _cts.Dispose();
    }
}

public static class Stage
{
    /// <summary>Generic fan-out transform stage: N workers read from <paramref name="source"/>, results go to a new channel.</summary>
    public static ChannelReader<TOut> Transform<TIn, TOut>(
        ChannelReader<TIn> source,
        Func<TIn, CancellationToken, ValueTask<TOut>> transform,
        int workers,
        int capacity,
        CancellationToken cancellationToken)
    {
        var output = Channel.CreateBounded<TOut>(new BoundedChannelOptions(capacity) { SingleWriter = workers == 1 });
        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                await foreach (var item in source.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    var result = await transform(item, cancellationToken).ConfigureAwait(false);
                    await output.Writer.WriteAsync(result, cancellationToken).ConfigureAwait(false);
                }
            }, cancellationToken);
        }

        _ = Task.WhenAll(tasks).ContinueWith(
            t => output.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return output.Reader;
    }
}
