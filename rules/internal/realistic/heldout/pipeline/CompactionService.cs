using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sluice.Resilience;
using Sluice.Storage;

namespace Sluice.Compaction;

public sealed record CompactionRunSummary(DateTimeOffset StartedAt, TimeSpan Duration, int Groups, long BytesIn, long BytesOut);

public sealed record SegmentIndexEntry(string File, long Bytes, DateTimeOffset LastWrite);

/// <summary>
/// Hosted service that compacts sealed segments on a schedule, or early when many segments were
/// sealed since the last run, and keeps a small JSON index of compacted files for the query side.
/// </summary>
public sealed class CompactionService : BackgroundService
{
    private readonly SegmentCompactor _compactor;
    private readonly ObjectStoreClient _store;
    private readonly CompactionOptions _options;
    private readonly ILogger<CompactionService> _logger;
    private readonly FileSystemWatcher _watcher;
    private readonly System.Timers.Timer _statsTimer;
    private readonly AsyncLock _runLock = new();
    private readonly object _indexLock = new();
    private Task _indexRebuild = Task.CompletedTask;
    private CompactionRunSummary? _lastRun;
    private int _sealedSinceLastRun;

    public CompactionService(SegmentCompactor compactor, ObjectStoreClient store, IOptions<CompactionOptions> options, ILogger<CompactionService> logger)
    {
        _compactor = compactor;
        _store = store;
        _options = options.Value;
        _logger = logger;
        Directory.CreateDirectory(_options.SegmentDirectory);
        _watcher = new FileSystemWatcher(_options.SegmentDirectory, "*.seg") { NotifyFilter = NotifyFilters.FileName };
        _watcher.Renamed += OnSegmentSealed;
        _statsTimer = new System.Timers.Timer(TimeSpan.FromMinutes(1).TotalMilliseconds) { AutoReset = true };
        _statsTimer.Elapsed += OnStatsTimerElapsed;
    }

    public CompactionRunSummary? LastRun => Volatile.Read(ref _lastRun);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _watcher.EnableRaisingEvents = true;
        _statsTimer.Start();
        using var timer = new PeriodicTimer(_options.Interval ?? TimeSpan.FromMinutes(5));
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Scheduled compaction run failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host is stopping
        }
        finally
        {
            _watcher.EnableRaisingEvents = false;
            _statsTimer.Stop();
        }
    }

    public async Task<CompactionRunSummary?> RunOnceAsync(CancellationToken cancellationToken)
    {
        CompactionRunSummary summary;
        using (_runLock.LockAsync(cancellationToken)) // want ASY034
        {
            var started = DateTimeOffset.UtcNow;
            var segments = Directory.EnumerateFiles(_options.SegmentDirectory, "*.seg")
                .Select(SegmentCompactor.Describe)
                .OfType<Segment>()
                .ToList();
            var groups = _compactor.PlanGroups(segments);
            if (groups.Count == 0)
                return null;

            var results = await _compactor.CompactAllAsync(groups, cancellationToken);
            Interlocked.Exchange(ref _sealedSinceLastRun, 0);
            summary = new CompactionRunSummary(started, DateTimeOffset.UtcNow - started, results.Count,
                results.Sum(r => r.InputBytes), results.Sum(r => r.OutputBytes));
            Volatile.Write(ref _lastRun, summary);
        }

        _ = RequestIndexRebuild();
        return summary;
    }

    /// <summary>The writer renames "x.seg.tmp" to "x.seg" when it seals a segment.</summary>
    private async void OnSegmentSealed(object sender, RenamedEventArgs e)
    {
        try
        {
            if (Interlocked.Increment(ref _sealedSinceLastRun) < _options.MinInputs * 4)
                return;
            _logger.LogInformation("Many segments sealed since the last run (latest {Path}); compacting early", e.FullPath);
            await RunOnceAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Early compaction triggered by {Path} failed", e.FullPath);
        }
    }

    private async void OnStatsTimerElapsed(object? sender, ElapsedEventArgs e) // want ASY018
    {
        var stats = new
        {
            pending = Directory.EnumerateFiles(_options.SegmentDirectory, "*.seg").Count(),
            lastRun = LastRun,
            at = e.SignalTime,
        };
        var path = Path.Combine(_options.OutputDirectory, "compaction-stats.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(stats));
        _logger.LogDebug("Wrote compaction stats to {Path}", path);
    }

    /// <summary>Called by the admin API when a compacted file could not be uploaded.</summary>
    public void RetryUploadLater(string compactedPath) => ScheduleRetry(compactedPath, TimeSpan.FromSeconds(30));

    private async void ScheduleRetry(string compactedPath, TimeSpan delay) // want ASY002
    {
        await Task.Delay(delay);
        _logger.LogInformation("Retrying upload of {Path}", compactedPath);
        await _store.PutFileAsync(_options.RemotePrefix + Path.GetFileName(compactedPath), compactedPath);
    }

    public Task RequestIndexRebuild()
    {
        lock (_indexLock)
        {
            if (!_indexRebuild.IsCompleted)
                return _indexRebuild;
            _indexRebuild = new Task(() => WriteIndex(_options.OutputDirectory)); // want ASY015
            return _indexRebuild;
        }
    }

    /// <summary>Recomputes checksums of every compacted file; CPU and disk heavy, so it gets its own thread.</summary>
    public Task VerifyArchiveAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => VerifyArchive(_options.OutputDirectory, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>Drains the remote "pending/" prefix into the compaction input directory.</summary>
    public Task StartBacklogDrain(CancellationToken cancellationToken)
    {
        return Task.Factory.StartNew(async () => // want ASY016
        {
            await foreach (var obj in _store.ListAsync("pending/", cancellationToken))
            {
                var local = Path.Combine(_options.SegmentDirectory, Path.GetFileName(obj.Key));
                await _store.DownloadToFileAsync(obj.Key, local, cancellationToken);
                await _store.DeleteAsync(obj.Key, cancellationToken);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void WriteIndex(string directory)
    {
        var entries = new DirectoryInfo(directory)
            .EnumerateFiles("*.seg.gz")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new SegmentIndexEntry(f.Name, f.Length, f.LastWriteTimeUtc))
            .ToList();
        using var stream = new FileStream(Path.Combine(directory, "index.json.tmp"), FileMode.Create, FileAccess.Write);
        JsonSerializer.Serialize(stream, entries);
        stream.Flush(flushToDisk: true);
        stream.Close();
        File.Move(Path.Combine(directory, "index.json.tmp"), Path.Combine(directory, "index.json"), overwrite: true);
    }

    private void VerifyArchive(string directory, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.seg.gz"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = File.OpenRead(file);
            using var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
            gzip.CopyTo(Stream.Null);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher.EnableRaisingEvents = false;
        await base.StopAsync(cancellationToken);
        var pending = _indexRebuild;
        if (!pending.IsCompleted)
            await pending.WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watcher.Dispose();
        _statsTimer.Dispose();
        base.Dispose();
    }
}
