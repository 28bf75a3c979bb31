using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sluice.Storage;

public sealed record ObjectInfo(string Key, long Size, string ETag, DateTimeOffset LastModified, string? Checksum = null);

public sealed record ListPage(IReadOnlyList<ObjectInfo> Items, string? ContinuationToken);

public sealed class ObjectStoreException : Exception
{
    public ObjectStoreException(string key, HttpStatusCode statusCode, string? detail)
        : base($"Object store request for '{key}' failed with {(int)statusCode} {statusCode}: {detail}") => (Key, StatusCode) = (key, statusCode);

    public string Key { get; }
    public HttpStatusCode StatusCode { get; }
}

public interface IObjectStore
{
    Task<ObjectInfo> PutAsync(string key, Stream content, CancellationToken cancellationToken = default);
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken = default);
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);
}

/// <summary>
/// Client for the S3-compatible bucket API that stores shipped batches and compacted segments.
/// Async methods are used by the services; the sync twins exist for the CLI and for migration scripts.
/// </summary>
public sealed class ObjectStoreClient : IObjectStore, IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly string _bucket;
    private readonly bool _ownsClient;

    public ObjectStoreClient(HttpClient http, string bucket, bool ownsClient = false)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _bucket = bucket;
        _ownsClient = ownsClient;
    }

    public static Uri BuildObjectUri(Uri baseAddress, string bucket, string key) =>
        new(baseAddress, $"{Uri.EscapeDataString(bucket)}/{string.Join('/', key.Split('/').Select(segment => Uri.EscapeDataString(segment)))}");

    private Uri ObjectUri(string key) => BuildObjectUri(_http.BaseAddress!, _bucket, key);

    public async Task<ObjectInfo> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var request = CreatePut(key, content);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, key, cancellationToken).ConfigureAwait(false);
        return ToInfo(key, response, content.CanSeek ? content.Length : -1);
    }

    public ObjectInfo Put(string key, Stream content)
    {
        using var request = CreatePut(key, content);
        using var response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead);
        EnsureSuccess(response, key);
        return ToInfo(key, response, content.CanSeek ? content.Length : -1);
    }

    public Task<ObjectInfo> PutFileAsync(string key, string path, CancellationToken cancellationToken = default)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return PutAsync(key, file, cancellationToken); // want ASY017
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var response = await _http.GetAsync(ObjectUri(key), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, key, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<long> DownloadToFileAsync(string key, string destinationPath, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(ObjectUri(key), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, key, cancellationToken).ConfigureAwait(false);
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false); // want ASY020

        var temp = destinationPath + ".part";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        File.Move(temp, destinationPath, overwrite: true);
        return new FileInfo(destinationPath).Length;
    }

    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, ObjectUri(key));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, key, cancellationToken).ConfigureAwait(false);
        return ToInfo(key, response, response.Content.Headers.ContentLength ?? -1);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(ObjectUri(key), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
            await EnsureSuccessAsync(response, key, cancellationToken).ConfigureAwait(false);
    }

    public void Delete(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, ObjectUri(key));
        using var response = _http.Send(request);
        if (response.StatusCode != HttpStatusCode.NotFound)
            EnsureSuccess(response, key);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await ListPageAsync(prefix, continuation, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
                yield return item;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    public IEnumerable<ObjectInfo> List(string prefix)
    {
        string? continuation = null;
        do
        {
            using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, ListUri(prefix, continuation, 1000)));
            EnsureSuccess(response, prefix);
            using var stream = response.Content.ReadAsStream();
            var page = JsonSerializer.Deserialize<ListPage>(stream, JsonOptions) ?? new ListPage(Array.Empty<ObjectInfo>(), null);
            foreach (var item in page.Items)
                yield return item;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    public async Task<ListPage> ListPageAsync(string prefix, string? continuation, int maxKeys, CancellationToken cancellationToken = default)
    {
        var page = await _http.GetFromJsonAsync<ListPage>(ListUri(prefix, continuation, maxKeys), JsonOptions, cancellationToken).ConfigureAwait(false);
        return page ?? new ListPage(Array.Empty<ObjectInfo>(), null);
    }

    private Uri ListUri(string prefix, string? continuation, int maxKeys)
    {
        var query = $"?list-type=2&prefix={Uri.EscapeDataString(prefix)}&max-keys={maxKeys}";
        if (continuation is not null)
            query += "&continuation-token=" + Uri.EscapeDataString(continuation);
        return new Uri(_http.BaseAddress!, Uri.EscapeDataString(_bucket) + query);
    }

    private HttpRequestMessage CreatePut(string key, Stream content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ObjectUri(key)) { Content = new StreamContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (content.CanSeek) request.Content.Headers.ContentLength = content.Length - content.Position;
        return request;
    }

    private static ObjectInfo ToInfo(string key, HttpResponseMessage response, long size) => new(
        key,
        size,
        response.Headers.ETag?.Tag ?? string.Empty,
        response.Content.Headers.LastModified ?? DateTimeOffset.UtcNow,
        response.Headers.TryGetValues("x-sluice-checksum", out var values) ? values.FirstOrDefault() : null);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string key, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new ObjectStoreException(key, response.StatusCode, detail);
    }

    private static void EnsureSuccess(HttpResponseMessage response, string key)
    {
        if (response.IsSuccessStatusCode) return;
        using var reader = new StreamReader(response.Content.ReadAsStream());
        throw new ObjectStoreException(key, response.StatusCode, reader.ReadToEnd());
    }

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }

    /// <summary>Keeps the HTTP response alive for as long as the caller reads the body.</summary>
    private sealed class ResponseStream : Stream
    {
        private readonly Stream _inner;
        private readonly HttpResponseMessage _response;

        public ResponseStream(Stream inner, HttpResponseMessage response) => (_inner, _response) = (inner, response);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _response.Content.Headers.ContentLength ?? throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _inner.Dispose(); _response.Dispose(); }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            _response.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
