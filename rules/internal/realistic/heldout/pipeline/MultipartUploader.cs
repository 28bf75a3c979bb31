using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sluice.Resilience;

namespace Sluice.Storage;

public sealed record MultipartOptions(int PartSize = 16 * 1024 * 1024, int MaxConcurrentParts = 4);

public sealed record UploadPart(int Number, long Offset, int Length);

public sealed record CompletedPart(int Number, string ETag);

internal sealed record InitiateResponse(string UploadId);

/// <summary>
/// Uploads compacted segments (hundreds of MB) in parts, a bounded number at a time, retrying parts
/// individually. Small files fall back to a single PUT.
/// </summary>
public sealed class MultipartUploader
{
    private readonly HttpClient _http;
    private readonly ObjectStoreClient _store;
    private readonly ConcurrencyLimiter _limiter;
    private readonly RetryPolicy _retry;
    private readonly MultipartOptions _options;
    private readonly ILogger<MultipartUploader> _logger;

    public MultipartUploader(HttpClient http, ObjectStoreClient store, RetryPolicy retry, MultipartOptions options, ILogger<MultipartUploader> logger)
    {
        _http = http;
        _store = store;
        _retry = retry;
        _options = options;
        _logger = logger;
        _limiter = new ConcurrencyLimiter(options.MaxConcurrentParts);
    }

    public static IReadOnlyList<UploadPart> Plan(long length, int partSize)
    {
        var parts = new List<UploadPart>((int)(length / partSize) + 1);
        for (long offset = 0, number = 1; offset < length; offset += partSize, number++)
            parts.Add(new UploadPart((int)number, offset, (int)Math.Min(partSize, length - offset)));
        return parts;
    }

    public async Task<ObjectInfo> UploadAsync(string key, string path, CancellationToken cancellationToken = default)
    {
        var length = new FileInfo(path).Length;
        if (length <= _options.PartSize)
        {
            await using var small = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            return await _store.PutAsync(key, small, cancellationToken).ConfigureAwait(false);
        }

        var uploadId = await InitiateAsync(key, cancellationToken).ConfigureAwait(false);
        try
        {
            var tasks = Plan(length, _options.PartSize)
                .Select(part => _retry.ExecuteAsync(ct => UploadPartAsync(key, uploadId, path, part, ct), cancellationToken))
                .ToList();
            var completed = await Task.WhenAll(tasks).ConfigureAwait(false);
            return await CompleteAsync(key, uploadId, completed.OrderBy(p => p.Number).ToList(), length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Multipart upload {UploadId} for {Key} failed; aborting", uploadId, key);
            await AbortAsync(key, uploadId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<ObjectInfo> UploadBytesAsync(string key, byte[] data, CancellationToken cancellationToken = default) // want ASY009
    {
        var stream = new MemoryStream(data, writable: false);
        return await _store.PutAsync(key, stream, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ObjectInfo?>> HeadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        var infos = new List<ObjectInfo?>(keys.Count);
        foreach (var key in keys)
            infos.Add(await _store.HeadAsync(key, cancellationToken).ConfigureAwait(false)); // want ASY010
        return infos;
    }

    public async Task<IReadOnlyList<ObjectInfo>> UploadDirectoryAsync(string directory, string prefix, CancellationToken cancellationToken = default)
    {
        var files = Directory.GetFiles(directory, "*.seg.gz");
        var uploads = new List<Task<ObjectInfo>>(files.Length);
        foreach (var file in files)
            uploads.Add(UploadAsync(prefix + Path.GetFileName(file), file, cancellationToken));
        var results = await Task.WhenAll(uploads).ConfigureAwait(false);
        return results;
    }

    public async Task<bool> VerifyAsync(string key, string path, CancellationToken cancellationToken = default)
    {
        var remoteTask = _store.HeadAsync(key, cancellationToken);
        var hashTask = ComputeChecksumAsync(path, cancellationToken);
        await Task.WhenAll(remoteTask, hashTask).ConfigureAwait(false);

        var remote = remoteTask.Result;
        if (remote is null || remote.Size != new FileInfo(path).Length)
            return false;
        return remote.Checksum is null || string.Equals(remote.Checksum, hashTask.Result, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> InitiateAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync($"{key}?uploads", content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<InitiateResponse>(cancellationToken: cancellationToken).ConfigureAwait(false);
        return body?.UploadId ?? throw new InvalidOperationException($"Store returned no upload id for '{key}'.");
    }

    private async Task<CompletedPart> UploadPartAsync(string key, string uploadId, string path, UploadPart part, CancellationToken cancellationToken)
    {
        using var slot = await _limiter.EnterAsync(cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(part.Length);
        try
        {
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
            {
                file.Seek(part.Offset, SeekOrigin.Begin);
                var read = 0;
                while (read < part.Length)
                {
                    var n = file.Read(buffer, read, part.Length - read); // want ASY006
                    if (n == 0)
                        throw new EndOfStreamException($"{path} shrank while part {part.Number} was being uploaded.");
                    read += n;
                }
            }

            using var content = new ByteArrayContent(buffer, 0, part.Length);
            var uri = $"{key}?uploadId={Uri.EscapeDataString(uploadId)}&partNumber={part.Number}";
            using var response = await _http.PutAsync(uri, content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var etag = response.Headers.ETag?.Tag ?? throw new InvalidOperationException($"Part {part.Number} of '{key}' returned no ETag.");
            _logger.LogDebug("Uploaded part {Part} of {Key} ({Bytes} bytes)", part.Number, key, part.Length);
            return new CompletedPart(part.Number, etag);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<ObjectInfo> CompleteAsync(string key, string uploadId, IReadOnlyList<CompletedPart> parts, long length, CancellationToken cancellationToken)
    {
        var uri = $"{key}?uploadId={Uri.EscapeDataString(uploadId)}";
        using var response = await _http.PostAsJsonAsync(uri, new { parts }, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return new ObjectInfo(key, length, response.Headers.ETag?.Tag ?? string.Empty, DateTimeOffset.UtcNow);
    }

    private async Task AbortAsync(string key, string uploadId, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.DeleteAsync($"{key}?uploadId={Uri.EscapeDataString(uploadId)}", cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                _logger.LogWarning("Abort of upload {UploadId} returned {Status}", uploadId, response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "Abort of upload {UploadId} failed; the store will expire it", uploadId);
        }
    }

    private static async Task<string> ComputeChecksumAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var sha = SHA256.Create();
        var hash = await sha.ComputeHashAsync(file, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexString(hash);
    }
}
