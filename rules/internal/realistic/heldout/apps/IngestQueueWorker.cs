// Lumen.Archive.Workers — consumes ingest jobs (files dropped by modalities / the drop-folder
// watcher) and pushes them to the archive.
using System.Threading.Channels;
using Lumen.Archive.Sdk;
using Lumen.Archive.Sdk.Caching;
using Lumen.Archive.Sdk.Files;
using Lumen.Archive.Sdk.Upload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lumen.Archive.Workers.Ingest;

public sealed record IngestJob(Guid Id, string SourcePath, string? ExpectedStudyUid, DateTimeOffset EnqueuedAt, int Attempt = 1);

public interface IIngestQueue
{
    int Count { get; }
    ValueTask EnqueueAsync(IngestJob job, CancellationToken cancellationToken = default);
    IAsyncEnumerable<IngestJob> DequeueAllAsync(CancellationToken cancellationToken = default);
}

public sealed class ChannelIngestQueue : IIngestQueue
{
    private readonly Channel<IngestJob> _channel = Channel.CreateBounded<IngestJob>(
        new BoundedChannelOptions(capacity: 500) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    public int Count => _channel.Reader.Count;

    public ValueTask EnqueueAsync(IngestJob job, CancellationToken cancellationToken = default)
        => _channel.Writer.WriteAsync(job, cancellationToken);

    public IAsyncEnumerable<IngestJob> DequeueAllAsync(CancellationToken cancellationToken = default)
        => _channel.Reader.ReadAllAsync(cancellationToken);
}

public sealed class IngestOptions
{
    public int Consumers { get; set; } = 4;
    public int MaxAttempts { get; set; } = 3;
    public string QuarantineFolder { get; set; } = @"D:\LumenIngest\quarantine";
    public bool DeleteSourceAfterUpload { get; set; } = true;
}

public sealed class IngestQueueWorker(
    IIngestQueue queue,
    IServiceScopeFactory scopes,
    IArchiveClient archive,
    StudyMetadataCache cache,
    IOptions<IngestOptions> options,
    ILogger<IngestQueueWorker> logger) : BackgroundService
{
    private readonly IngestOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Enumerable.Range(0, _options.Consumers)
            .Select(i => ConsumeAsync(i, stoppingToken))
            .ToArray();
        logger.LogInformation("Ingest worker started with {Count} consumers", consumers.Length);

        await Task.WhenAll(consumers);
        logger.LogInformation("Ingest worker drained and stopped");
    }

    private async Task ConsumeAsync(int consumerId, CancellationToken stoppingToken)
    {
        await foreach (var job in queue.DequeueAllAsync(stoppingToken))
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id, ["Consumer"] = consumerId });
            try
            {
                await ProcessAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Ingest of {Path} failed on attempt {Attempt}", job.SourcePath, job.Attempt);
                await HandleFailureAsync(job, ex, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(IngestJob job, CancellationToken ct)
    {
        if (!File.Exists(job.SourcePath))
        {
            logger.LogWarning("Source file {Path} vanished before ingest", job.SourcePath);
            return;
        }

        var info = await DicomFile.ReadInfoAsync(job.SourcePath, ct);
        if (info.StudyInstanceUid is null)
        {
            await QuarantineAsync(job, "missing StudyInstanceUID", ct);
            return;
        }
        if (job.ExpectedStudyUid is { } expected && !string.Equals(expected, info.StudyInstanceUid, StringComparison.Ordinal))
        {
            await QuarantineAsync(job, $"expected study {expected} but file belongs to {info.StudyInstanceUid}", ct);
            return;
        }

        var existing = archive.GetStudy(info.StudyInstanceUid); // want ASY006
        if (existing is not null)
            logger.LogDebug("Appending to existing study {Study} ({Series} series)", existing.StudyInstanceUid, existing.SeriesCount);

        await using var scope = scopes.CreateAsyncScope();
        var uploader = scope.ServiceProvider.GetRequiredService<ChunkedUploader>();
        var receipt = await uploader.UploadFileAsync(job.SourcePath, progress: null, ct);
        logger.LogInformation("Ingested {Path} as {Receipt} ({Bytes} bytes, queued {Age:g} ago)",
            job.SourcePath, receipt, info.Length, DateTimeOffset.UtcNow - job.EnqueuedAt);

        cache.RefreshAsync(info.StudyInstanceUid, ct); // want ASY004
        if (_options.DeleteSourceAfterUpload)
            File.Delete(job.SourcePath);
    }

    private async Task HandleFailureAsync(IngestJob job, Exception error, CancellationToken ct)
    {
        var transient = error is HttpRequestException or IOException or ArchiveException { Status: >= System.Net.HttpStatusCode.InternalServerError };
        if (transient && job.Attempt < _options.MaxAttempts)
        {
            var delay = TimeSpan.FromSeconds(Math.Pow(2, job.Attempt) * 5);
            await Task.Delay(delay, ct);
            await queue.EnqueueAsync(job with { Attempt = job.Attempt + 1 }, ct);
            return;
        }

        await QuarantineAsync(job, error.Message, ct);
    }

    private async Task QuarantineAsync(IngestJob job, string reason, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(_options.QuarantineFolder).FullName;
        var target = Path.Combine(folder, $"{job.Id:N}_{Path.GetFileName(job.SourcePath)}");
        File.Move(job.SourcePath, target, overwrite: true);
        await File.WriteAllTextAsync(target + ".reason.txt", $"{DateTimeOffset.UtcNow:O} attempt {job.Attempt}: {reason}", ct);
        logger.LogWarning("Quarantined {Path} -> {Target}: {Reason}", job.SourcePath, target, reason);
    }

    // Used by the admin endpoint to preview what a batch re-ingest would do.
    internal async Task<IReadOnlyList<DicomFileInfo>> DescribeAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var infos = new List<DicomFileInfo>();
        foreach (var path in paths)
            infos.Add(await DicomFile.ReadInfoAsync(path, ct)); // want ASY010
        return infos;
    }

    public override async Task StopAsync(CancellationToken cancellationToken) // want ASY009
    {
        logger.LogInformation("Stopping ingest worker; {Pending} jobs still queued", queue.Count);
        await base.StopAsync(cancellationToken);
    }
}
