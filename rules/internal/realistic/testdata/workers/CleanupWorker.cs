using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Workers;

public sealed class CleanupOptions
{
    public string TempDirectory { get; set; } = Path.GetTempPath();
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class TempFileCleanupWorker : BackgroundService
{
    private readonly CleanupOptions _options;
    private readonly ILogger<TempFileCleanupWorker> _logger;

    public TempFileCleanupWorker(IOptions<CleanupOptions> options, ILogger<TempFileCleanupWorker> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Give the rest of the host a moment to come up before touching the disk.
        Thread.Sleep(TimeSpan.FromSeconds(5)); // want ASY005

        while (!stoppingToken.IsCancellationRequested)
        {
            var removed = DeleteOldFiles();
            if (removed > 0)
            {
                _logger.LogInformation("Removed {Count} stale temp files", removed);
            }

            await Task.Delay(_options.Interval, stoppingToken);
        }
    }

    private int DeleteOldFiles()
    {
        var cutoff = DateTime.UtcNow - _options.MaxAge;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(_options.TempDirectory, "shop-*.tmp"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            catch (IOException ex)
            {
                _logger.LogDebug(ex, "Could not delete {File}", file);
            }
        }

        return removed;
    }
}

public sealed class SessionSweeper : IHostedService, IDisposable
{
    private readonly ISessionStore _sessions;
    private readonly ILogger<SessionSweeper> _logger;
    private Timer? _timer;

    public SessionSweeper(ISessionStore sessions, ILogger<SessionSweeper> logger)
    {
        _sessions = sessions;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new Timer(async _ => // want ASY003
        {
            var expired = await _sessions.RemoveExpiredAsync(DateTimeOffset.UtcNow);
            _logger.LogDebug("Swept {Count} sessions", expired);
        }, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}

public interface ISessionStore
{
    Task<int> RemoveExpiredAsync(DateTimeOffset now);
}
