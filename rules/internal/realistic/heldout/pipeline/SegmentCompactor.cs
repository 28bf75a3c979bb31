using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sluice.Storage;

namespace Sluice.Compaction;

public sealed record Segment(string Path, long Size, DateTimeOffset FirstTimestamp, DateTimeOffset LastTimestamp);

public sealed record CompactionResult(string OutputPath, int InputCount, long InputBytes, long OutputBytes, string? RemoteKey);

public sealed record CompactionOptions(
    string SegmentDirectory = "segments",
    string OutputDirectory = "compacted",
    long TargetSize = 256L * 1024 * 1024,
    int MinInputs = 4,
    int MaxParallelGroups = 2,
    bool Upload = true,
    string RemotePrefix = "compacted/",
    TimeSpan? Interval = null);

/// <summary>
/// Merges many small sealed segment files (one per batch flush) into large gzip'd segments,
/// optionally uploads them, and removes the inputs once the output is durable.
/// </summary>
public sealed class SegmentCompactor
{
    private static readonly byte[] SegmentMagic = Encoding.ASCII.GetBytes("#sluice-seg v1\n");

    private readonly ObjectStoreClient _store;
    private readonly CompactionOptions _options;
    private readonly ILogger<SegmentCompactor> _logger;

    public SegmentCompactor(ObjectStoreClient store, CompactionOptions options, ILogger<SegmentCompactor> logger)
    {
        _store = store;
        _options = options;
        _logger = logger;
    }

    /// <summary>Groups time-ordered segments into runs whose total size approaches the target.</summary>
    public IReadOnlyList<IReadOnlyList<Segment>> PlanGroups(IEnumerable<Segment> segments)
    {
        var groups = new List<IReadOnlyList<Segment>>();
        var current = new List<Segment>();
        long size = 0;
        foreach (var segment in segments.OrderBy(s => s.FirstTimestamp))
        {
            if (size + segment.Size > _options.TargetSize && current.Count > 0)
            {
                groups.Add(current);
                current = new List<Segment>();
                size = 0;
            }
            current.Add(segment);
            size += segment.Size;
        }
        if (current.Count > 0)
            groups.Add(current);
        return groups.Where(g => g.Count >= _options.MinInputs).ToList();
    }

    public async Task<CompactionResult> CompactAsync(IReadOnlyList<Segment> group, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.OutputDirectory);
        var name = $"{group[0].FirstTimestamp:yyyyMMddHHmmss}-{group[^1].LastTimestamp:yyyyMMddHHmmss}.seg.gz";
        var outputPath = Path.Combine(_options.OutputDirectory, name);
        var tempPath = outputPath + ".tmp";
        long inputBytes = 0;

        await using (var output = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true); // want ASY020
            await gzip.WriteAsync(SegmentMagic, cancellationToken).ConfigureAwait(false);
            foreach (var segment in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var input = await OpenSegmentAsync(segment, cancellationToken).ConfigureAwait(false);
                await input.CopyToAsync(gzip, cancellationToken).ConfigureAwait(false);
                inputBytes += segment.Size;
            }
            await gzip.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(tempPath, outputPath, overwrite: true);
        var outputBytes = new FileInfo(outputPath).Length;

        string? remoteKey = null;
        if (_options.Upload)
        {
            remoteKey = _options.RemotePrefix + name;
            await using var upload = new FileStream(outputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await _store.PutAsync(remoteKey, upload).ConfigureAwait(false); // want ASY012
        }

        foreach (var segment in group)
            File.Delete(segment.Path);

        _logger.LogInformation("Compacted {Count} segments ({In} bytes) into {Output} ({Out} bytes)", group.Count, inputBytes, outputPath, outputBytes);
        return new CompactionResult(outputPath, group.Count, inputBytes, outputBytes, remoteKey);
    }

    public async Task<IReadOnlyList<CompactionResult>> CompactAllAsync(IReadOnlyList<IReadOnlyList<Segment>> groups, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<CompactionResult>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelGroups, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groups, parallel, async (group, ct) =>
        {
            try
            {
                results.Add(await CompactAsync(group, ct).ConfigureAwait(false));
            }
            catch (IOException ex)
            {
                _logger.LogError(ex, "Compaction of group starting at {First} failed; inputs left in place", group[0].Path);
            }
        }).ConfigureAwait(false);
        return results.OrderBy(r => r.OutputPath, StringComparer.Ordinal).ToList();
    }

    /// <summary>Used by "sluice compact --now" from the synchronous CLI.</summary>
    public void CompactAll(IReadOnlyList<IReadOnlyList<Segment>> groups)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelGroups };
        Parallel.ForEach(groups, parallel, async group => // want ASY003
        {
            var result = await CompactAsync(group, CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Compacted into {Output}", result.OutputPath);
        });
    }

    public async Task PruneRemoteAsync(string prefix, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var obj in _store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (obj.LastModified >= olderThan)
                continue;
            _store.Delete(obj.Key); // want ASY006
            deleted++;
        }
        _logger.LogInformation("Pruned {Count} objects under {Prefix} older than {Cutoff}", deleted, prefix, olderThan);
    }

    private async Task<Stream> OpenSegmentAsync(Segment segment, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                if (await HasSegmentHeaderAsync(stream, cancellationToken).ConfigureAwait(false))
                    return stream;
                await stream.DisposeAsync().ConfigureAwait(false);
                throw new InvalidDataException($"{segment.Path} is not a Sluice segment.");
            }
            catch (IOException ex) when (attempt < 5 && ex is not EndOfStreamException)
            {
                // The writer may still hold the file for a moment after sealing it.
                _logger.LogDebug(ex, "Segment {Path} busy (attempt {Attempt})", segment.Path, attempt);
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt)); // want ASY005
            }
        }
    }

    private static async Task<bool> HasSegmentHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[SegmentMagic.Length];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == header.Length && header.AsSpan().SequenceEqual(SegmentMagic);
    }

    public static Segment? Describe(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
            return null;
        using var reader = new StreamReader(path);
        if (reader.ReadLine() != "#sluice-seg v1")
            return null;
        var first = reader.ReadLine();
        var firstTs = first is null ? info.CreationTimeUtc : ParseTimestamp(first);
        return new Segment(path, info.Length, firstTs, info.LastWriteTimeUtc);
    }

    private static DateTimeOffset ParseTimestamp(string jsonLine)
    {
        const string marker = "\"timestamp\":\"";
        var start = jsonLine.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return DateTimeOffset.MinValue;
        start += marker.Length;
        var end = jsonLine.IndexOf('"', start);
        return DateTimeOffset.TryParse(jsonLine.AsSpan(start, end - start), out var ts) ? ts : DateTimeOffset.MinValue;
    }
}
