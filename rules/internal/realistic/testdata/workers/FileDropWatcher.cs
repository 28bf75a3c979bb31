using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Services;

namespace Shop.Workers;

public sealed class FileDropWatcher : IHostedService, IDisposable
{
    private readonly ProductImportPipeline _pipeline;
    private readonly ILogger<FileDropWatcher> _logger;
    private readonly string _dropDirectory;
    private FileSystemWatcher? _watcher;
    private CancellationTokenSource? _stopping;

    public FileDropWatcher(ProductImportPipeline pipeline, ILogger<FileDropWatcher> logger, string dropDirectory)
    {
        _pipeline = pipeline;
        _logger = logger;
        _dropDirectory = dropDirectory;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _watcher = new FileSystemWatcher(_dropDirectory, "*.jsonl")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite,
            EnableRaisingEvents = true,
        };
        _watcher.Created += async (sender, e) => // want ASY018
        {
            _logger.LogInformation("New drop {File}", e.FullPath);
            await _pipeline.RunAsync(e.FullPath, _stopping.Token);
        };
        _watcher.Deleted += OnDeleted;
        _watcher.Error += async (sender, e) =>
        {
            try
            {
                await Task.Delay(1000, _stopping.Token);
                _watcher.EnableRaisingEvents = true;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Watcher could not be restarted");
            }
        };
        return Task.CompletedTask;
    }

    private void OnDeleted(object sender, FileSystemEventArgs e)
    {
        _logger.LogDebug("Drop {File} removed", e.FullPath);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping?.Cancel();
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _stopping?.Dispose();
    }
}
