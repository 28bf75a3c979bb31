// Lumen.Archive.Workers — watches the modality drop folder and feeds the ingest queue.
// FileSystemWatcher drops events under load, so a periodic rescan backs it up.
using System.Collections.Concurrent;
using Lumen.Archive.Workers.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lumen.Archive.Workers.DropFolder;

public sealed class DropFolderOptions
{
    public string Path { get; set; } = @"D:\LumenDrop";
    public string Filter { get; set; } = "*.dcm";
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);
    public int MaxSettleAttempts { get; set; } = 30;
}

public sealed class DropFolderWatcher(
    IIngestQueue queue,
    IOptions<DropFolderOptions> options,
    ILogger<DropFolderWatcher> logger) : BackgroundService
{
    private readonly DropFolderOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.OrdinalIgnoreCase);
    private FileSystemWatcher? _watcher;
    private Timer? _rescanTimer;
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        Directory.CreateDirectory(_options.Path);

        _watcher = new FileSystemWatcher(_options.Path, _options.Filter)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += OnCreated;
        _watcher.Renamed += OnRenamed;
        _watcher.Error += OnWatcherError;
        _watcher.EnableRaisingEvents = true;

        _rescanTimer = new Timer(async _ => // want ASY003
        {
            var added = await RescanAsync(stoppingToken);
            if (added > 0)
                logger.LogInformation("Rescan picked up {Count} files the watcher missed", added);
        }, null, TimeSpan.FromSeconds(10), _options.RescanInterval);

        logger.LogInformation("Watching {Path} ({Filter})", _options.Path, _options.Filter);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // host is shutting down
        }
        finally
        {
            _watcher.EnableRaisingEvents = false;
        }
    }

    private async void OnCreated(object sender, FileSystemEventArgs e) // want ASY018
    {
        if (!_seen.TryAdd(e.FullPath, 0))
            return;
        await WaitForFileReadyAsync(e.FullPath, _stopping);
        await queue.EnqueueAsync(NewJob(e.FullPath), _stopping);
        logger.LogDebug("Queued {Path}", e.FullPath);
    }

    private async void OnRenamed(object sender, RenamedEventArgs e)
    {
        try
        {
            if (!e.FullPath.EndsWith(".dcm", StringComparison.OrdinalIgnoreCase) || !_seen.TryAdd(e.FullPath, 0))
                return;
            await WaitForFileReadyAsync(e.FullPath, _stopping);
            await queue.EnqueueAsync(NewJob(e.FullPath), _stopping);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not queue renamed file {Path}", e.FullPath);
            _seen.TryRemove(e.FullPath, out _);
        }
    }

    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        logger.LogWarning(e.GetException(), "FileSystemWatcher overflowed; forcing a rescan");
        _ = Task.Run(async () =>
        {
            var added = await RescanAsync(_stopping);
            logger.LogInformation("Overflow rescan queued {Count} files", added);
        });
    }

    private async Task WaitForFileReadyAsync(string path, CancellationToken ct)
    {
        // Modalities write in several passes; wait until we can open the file exclusively.
        for (var attempt = 0; attempt < _options.MaxSettleAttempts; attempt++)
        {
            try
            {
                await using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                if (probe.Length > 0)
                    return;
            }
            catch (IOException)
            {
                // still being written
            }
            Thread.Sleep(_options.SettleTime); // want ASY005
        }
        throw new IOException($"File {path} was still locked after {_options.MaxSettleAttempts} attempts");
    }

    private async Task<int> RescanAsync(CancellationToken ct)
    {
        var added = 0;
        foreach (var path in Directory.EnumerateFiles(_options.Path, _options.Filter, SearchOption.AllDirectories))
        {
            if (ct.IsCancellationRequested)
                break;
            if (!_seen.TryAdd(path, 0))
                continue;
            await queue.EnqueueAsync(NewJob(path), ct);
            added++;
        }
        return added;
    }

    private static IngestJob NewJob(string path) => new(Guid.NewGuid(), path, ExpectedStudyUid: null, DateTimeOffset.UtcNow);

    public override void Dispose()
    {
        _rescanTimer?.Dispose();
        _watcher?.Dispose();
        base.Dispose();
    }
}
