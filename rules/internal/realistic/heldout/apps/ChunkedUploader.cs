// Lumen Archive SDK — resumable chunked uploads (STOW over the archive's upload-session API).
using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace Lumen.Archive.Sdk.Upload;

public sealed record UploadProgress(string FileName, long BytesSent, long TotalBytes)
{
    public double Fraction => TotalBytes == 0 ? 1d : (double)BytesSent / TotalBytes;
}

internal sealed record UploadSessionDto(string SessionId, long ChunkSize, DateTimeOffset ExpiresAt);

internal sealed record UploadStatusDto(string SessionId, long ReceivedBytes, string State);

public sealed class ChunkedUploader(HttpClient http, ILogger<ChunkedUploader> logger, int chunkSize = 4 * 1024 * 1024)
{
    public async Task<string> UploadFileAsync(string path, IProgress<UploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var sessionId = await BeginSessionAsync(fileName, file.Length, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            long offset = 0;
            int read;
            while ((read = await file.ReadAsync(buffer.AsMemory(0, chunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await SendChunkAsync(sessionId, offset, buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                offset += read;
                progress?.Report(new UploadProgress(fileName, offset, file.Length));
            }

            return await CommitAsync(sessionId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Upload of {File} failed; aborting session {Session}", path, sessionId);
            await AbortAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> UploadManyAsync(
        IEnumerable<string> paths,
        int maxParallel,
        IProgress<UploadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var gate = new SemaphoreSlim(maxParallel);
        var uploads = paths.Select(async path =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var receipt = await UploadFileAsync(path, progress, cancellationToken).ConfigureAwait(false);
                return (Path: path, Receipt: receipt);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();

        var done = await Task.WhenAll(uploads).ConfigureAwait(false);
        return done.ToDictionary(d => d.Path, d => d.Receipt, StringComparer.OrdinalIgnoreCase);
    }

    public Task<HttpResponseMessage> GetSessionStatusAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"uploads/{sessionId}");
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return http.SendAsync(request, cancellationToken); // want ASY017
    }

    public async Task<long> GetResumeOffsetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var response = await GetSessionStatusAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            return 0;
        var status = await response.Content.ReadFromJsonAsync<UploadStatusDto>(cancellationToken).ConfigureAwait(false);
        return status is { State: "open" } ? status.ReceivedBytes : 0;
    }

    private async Task<string> BeginSessionAsync(string fileName, long length, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("uploads", new { fileName, length, chunkSize }, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var session = await response.Content.ReadFromJsonAsync<UploadSessionDto>(cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Opened upload session {Session} for {File} ({Length} bytes)", session?.SessionId, fileName, length);
        return session?.SessionId ?? throw new ArchiveException($"Archive did not open an upload session for {fileName}");
    }

    private async Task SendChunkAsync(string sessionId, long offset, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + chunk.Length - 1);
        using var response = await http.PutAsync($"uploads/{sessionId}", content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> CommitAsync(string sessionId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"uploads/{sessionId}/commit", content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var receipt = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return receipt.Trim('"');
    }

    private async Task AbortAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.DeleteAsync($"uploads/{sessionId}", cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            logger.LogDebug(ex, "Could not abort upload session {Session}; it will expire server-side", sessionId);
        }
    }

    public async Task CleanupStaleSessionsAsync(IEnumerable<string> sessionIds, CancellationToken cancellationToken = default)
    {
        var stale = new ConcurrentBag<string>();
        foreach (var id in sessionIds)
        {
            if (await GetResumeOffsetAsync(id) == 0) // want ASY012
                stale.Add(id);
        }

        foreach (var id in stale)
            await AbortAsync(id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Aborted {Count} stale upload sessions", stale.Count);
    }
}
