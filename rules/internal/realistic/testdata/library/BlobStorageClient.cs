using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storage;

/// <summary>
/// A small blob client that offers both a synchronous and an asynchronous API
/// from one implementation: every core method takes a <c>bool async</c> flag
/// and only blocks when the caller asked for the synchronous API.
/// </summary>
public sealed class BlobStorageClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    public BlobStorageClient(Uri endpoint, string sasToken)
    {
        _http = new HttpClient { BaseAddress = endpoint };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SharedAccessSignature", sasToken);
        _ownsClient = true;
    }

    public BlobStorageClient(HttpClient http)
    {
        _http = http;
    }

    public byte[] Download(string name, CancellationToken cancellationToken = default)
        => DownloadCoreAsync(name, async: false, cancellationToken).GetAwaiter().GetResult();

    public Task<byte[]> DownloadAsync(string name, CancellationToken cancellationToken = default)
        => DownloadCoreAsync(name, async: true, cancellationToken);

    public void Upload(string name, Stream content, CancellationToken cancellationToken = default)
        => UploadCoreAsync(name, content, async: false, cancellationToken).GetAwaiter().GetResult();

    public Task UploadAsync(string name, Stream content, CancellationToken cancellationToken = default)
        => UploadCoreAsync(name, content, async: true, cancellationToken);

    public bool Exists(string name) => ExistsCoreAsync(name, false, CancellationToken.None).GetAwaiter().GetResult();

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
        => ExistsCoreAsync(name, true, cancellationToken);

    private async Task<byte[]> DownloadCoreAsync(string name, bool async, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri.EscapeDataString(name));
        using var response = async
            ? await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
            : _http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();

        var buffer = new MemoryStream();
        if (async)
        {
            await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            response.Content.CopyTo(buffer, null, cancellationToken);
        }

        return buffer.ToArray();
    }

    private async Task UploadCoreAsync(string name, Stream content, bool async, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Uri.EscapeDataString(name))
        {
            Content = new StreamContent(content),
        };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");

        HttpResponseMessage response;
        if (async)
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            response = _http.Send(request, cancellationToken);
        }

        using (response)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<bool> ExistsCoreAsync(string name, bool async, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Uri.EscapeDataString(name));
        using var response = async
            ? await _http.SendAsync(request, cancellationToken).ConfigureAwait(false)
            : _http.Send(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }
}
