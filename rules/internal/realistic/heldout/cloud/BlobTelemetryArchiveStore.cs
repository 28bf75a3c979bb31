using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Fleetwise.Data;
using Microsoft.Extensions.Logging;

namespace Fleetwise.Storage;

public sealed record ArchiveSegment(string Name, DateTimeOffset LastModified, long SizeBytes, bool IsCompacted);

public interface ITelemetryArchiveStore
{
    Task AppendAsync(Guid deviceId, IReadOnlyCollection<TelemetryReading> readings, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ArchiveSegment> ListSegmentsAsync(DateTime olderThanUtc, CancellationToken cancellationToken = default);

    Task CompactAsync(string segmentName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TelemetryReading>> ReadSegmentAsync(string segmentName, CancellationToken cancellationToken = default);
}

public static class SegmentNames
{
    public const string Prefix = "segments/";

    public static string ForDay(Guid deviceId, DateOnly day) => $"{Prefix}{deviceId:N}/{day:yyyy/MM/dd}.jsonl";

    public static string ForDevice(Guid deviceId) => $"{Prefix}{deviceId:N}/";
}

public sealed class BlobTelemetryArchiveStore : ITelemetryArchiveStore
{
    private static readonly ActivitySource ArchiveActivity = new("Fleetwise.Storage");
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container;
    private readonly ILogger<BlobTelemetryArchiveStore> _logger;

    public BlobTelemetryArchiveStore(BlobServiceClient blobs, ILogger<BlobTelemetryArchiveStore> logger)
    {
        _container = blobs.GetBlobContainerClient("telemetry");
        _logger = logger;
    }

    public async Task AppendAsync(Guid deviceId, IReadOnlyCollection<TelemetryReading> readings, CancellationToken cancellationToken = default)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var day = DateOnly.FromDateTime(readings.First().RecordedAt.UtcDateTime);
        var appendBlob = _container.GetAppendBlobClient(SegmentNames.ForDay(deviceId, day));
        await appendBlob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        var lines = new StringBuilder(readings.Count * 160);
        foreach (var reading in readings)
        {
            lines.Append(JsonSerializer.Serialize(reading, JsonOptions)).Append('\n');
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())); // want ASY020
        await appendBlob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Appended {Count} readings ({Bytes} bytes) for device {DeviceId}", readings.Count, content.Length, deviceId);
    }

    public async IAsyncEnumerable<ArchiveSegment> ListSegmentsAsync(
        DateTime olderThanUtc,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in _container
            .GetBlobsAsync(traits: BlobTraits.Metadata, prefix: SegmentNames.Prefix, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (item.Properties.LastModified is not { } modified || modified.UtcDateTime >= olderThanUtc)
            {
                continue;
            }

            yield return new ArchiveSegment(
                item.Name,
                modified,
                item.Properties.ContentLength ?? 0,
                item.Name.EndsWith(".gz", StringComparison.Ordinal));
        }
    }

    public async Task CompactAsync(string segmentName, CancellationToken cancellationToken = default)
    {
        var source = _container.GetAppendBlobClient(segmentName);
        var target = _container.GetBlockBlobClient(segmentName + ".gz");

        await using (var sourceStream = await source.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false))
        await using (var targetStream = await target.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken).ConfigureAwait(false))
        await using (var gzip = new GZipStream(targetStream, CompressionLevel.Optimal, leaveOpen: true))
        {
            sourceStream.CopyTo(gzip); // want ASY006
        }

        var metadata = new Dictionary<string, string>
        {
            ["compacted_utc"] = DateTimeOffset.UtcNow.ToString("O"),
            ["source"] = segmentName,
        };
        await target.SetMetadataAsync(metadata, cancellationToken: cancellationToken).ConfigureAwait(false);
        await source.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Compacted segment {Segment}", segmentName);
    }

    public async Task<IReadOnlyList<TelemetryReading>> ReadSegmentAsync(string segmentName, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(segmentName);
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        await using var raw = download.Value.Content;
        var decoded = segmentName.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(raw, CompressionMode.Decompress)
            : raw;
        using var reader = new StreamReader(decoded, Encoding.UTF8);

        var readings = new List<TelemetryReading>();
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            readings.Add(JsonSerializer.Deserialize<TelemetryReading>(line, JsonOptions)!);
        }

        return readings;
    }

    public async IAsyncEnumerable<TelemetryReading> ReadDeviceDayAsync(Guid deviceId, DateOnly day, CancellationToken cancellationToken = default) // want ASY021
    {
        var baseName = SegmentNames.ForDay(deviceId, day);
        foreach (var candidate in new[] { baseName + ".gz", baseName })
        {
            Response<bool> exists = await _container.GetBlobClient(candidate).ExistsAsync(cancellationToken).ConfigureAwait(false);
            if (!exists.Value)
            {
                continue;
            }

            foreach (var reading in await ReadSegmentAsync(candidate, cancellationToken).ConfigureAwait(false))
            {
                yield return reading;
            }

            yield break;
        }
    }

    public Task DeleteDeviceArchiveAsync(Guid deviceId, CancellationToken cancellationToken = default)
    {
        using var activity = ArchiveActivity.StartActivity("archive.delete-device");
        activity?.SetTag("fleetwise.device_id", deviceId);
        return DeleteByPrefixAsync(SegmentNames.ForDevice(deviceId), cancellationToken); // want ASY017
    }

    public Uri GetDownloadUri(string segmentName, TimeSpan validFor)
    {
        var blob = _container.GetBlobClient(segmentName);
        if (!blob.CanGenerateSasUri)
        {
            throw new InvalidOperationException("The container client is not authorised with a shared key; cannot issue SAS links.");
        }

        return blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(validFor));
    }

    private async Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var deletions = new List<Task<Response<bool>>>();
        await foreach (var item in _container.GetBlobsAsync(prefix: prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            deletions.Add(_container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken));
        }

        var results = await Task.WhenAll(deletions).ConfigureAwait(false);
        var deleted = results.Count(r => r.Value);
        _logger.LogInformation("Deleted {Count} archive blobs under {Prefix}", deleted, prefix);
        return deleted;
    }
}
