using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sluice.Ingest.Readers;

namespace Sluice.Ingest.Pipeline;

public sealed record BatchingOptions(
    int MaxRecords = 5_000,
    long MaxBytes = 4 * 1024 * 1024,
    TimeSpan? MaxAge = null,
    int ShipConcurrency = 4,
    string SpillDirectory = "spill");

public sealed record LogBatch(Guid Id, DateTimeOffset CreatedAt, IReadOnlyList<LogRecord> Records)
{
    public long Bytes => Records.Sum(r => (long)r.EstimatedSize);
}

public interface IBatchShipper
{
    /// <summary>Ships a batch and returns the object key it was stored under.</summary>
    Task<string> ShipAsync(LogBatch batch, CancellationToken cancellationToken = default);
}

/// <summary>
/// Terminal pipeline stage: groups records into batches by count/size/age and hands them to a shipper.
/// Batches that cannot be shipped are spilled to local disk and re-shipped later.
/// </summary>
public sealed class BatchingSink : IRecordSink, IAsyncDisposable
{
    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly IBatchShipper _shipper;
    private readonly JsonLinesReader _spillReader;
    private readonly BatchingOptions _options;
    private readonly ILogger<BatchingSink> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private List<LogRecord> _current = new();
    private long _currentBytes;

    public BatchingSink(IBatchShipper shipper, JsonLinesReader spillReader, BatchingOptions options, ILogger<BatchingSink> logger)
    {
        _shipper = shipper;
        _spillReader = spillReader;
        _options = options;
        _logger = logger;
        Directory.CreateDirectory(options.SpillDirectory);
        _timer = new PeriodicTimer(options.MaxAge ?? TimeSpan.FromSeconds(5));
        _ticker = TickAsync(_stop.Token);
    }

    public async ValueTask WriteAsync(LogRecord record, CancellationToken cancellationToken = default)
    {
        LogBatch? full = null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _current.Add(record);
            _currentBytes += record.EstimatedSize;
            if (_current.Count >= _options.MaxRecords || _currentBytes >= _options.MaxBytes)
                full = SwapLocked();
        }
        finally
        {
            _gate.Release();
        }

        if (full is not null)
            await ShipOrSpillAsync(full, cancellationToken).ConfigureAwait(false);
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        LogBatch? batch;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            batch = _current.Count == 0 ? null : SwapLocked();
        }
        finally
        {
            _gate.Release();
        }

        if (batch is not null)
            await ShipOrSpillAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ShipAllAsync(IReadOnlyList<LogBatch> batches, CancellationToken cancellationToken)
    {
        var keys = new List<string>(batches.Count);
        foreach (var batch in batches)
        {
            keys.Add(await _shipper.ShipAsync(batch, cancellationToken).ConfigureAwait(false)); // want ASY010
        }
        return keys;
    }

    public async Task<int> ReshipSpilledAsync(CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(_options.SpillDirectory, "*.ndjson")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var shipped = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.ShipConcurrency, CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(files, parallel, async (path, ct) =>
        {
            var records = new List<LogRecord>();
            await using (var stream = File.OpenRead(path))
            {
                await foreach (var record in _spillReader.ReadAsync(stream, ct).ConfigureAwait(false))
                    records.Add(record);
            }

            var key = await _shipper.ShipAsync(new LogBatch(Guid.NewGuid(), DateTimeOffset.UtcNow, records), ct).ConfigureAwait(false);
            File.Delete(path);
            Interlocked.Increment(ref shipped);
            _logger.LogInformation("Re-shipped spilled batch {Path} as {Key}", path, key);
        }).ConfigureAwait(false);

        return shipped;
    }

    private LogBatch SwapLocked()
    {
        var batch = new LogBatch(Guid.NewGuid(), DateTimeOffset.UtcNow, _current);
        _current = new List<LogRecord>(Math.Min(_options.MaxRecords, 1024));
        _currentBytes = 0;
        return batch;
    }

    private async Task ShipOrSpillAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var key = await _shipper.ShipAsync(batch, cancellationToken).ConfigureAwait(false);
            _logger.LogDebug("Shipped batch {Id} ({Count} records) as {Key}", batch.Id, batch.Records.Count, key);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Shipping batch {Id} failed; spilling {Count} records to disk", batch.Id, batch.Records.Count);
            var path = Path.Combine(_options.SpillDirectory, $"{batch.Id:N}.ndjson");
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true); // want ASY020
            foreach (var record in batch.Records)
            {
                await JsonSerializer.SerializeAsync(file, record, JsonLinesReader.SerializerOptions, cancellationToken).ConfigureAwait(false);
                await file.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            }
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Periodic flush failed");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _timer.Dispose();
        await _ticker.ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _gate.Dispose();
    }
}
