using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Sluice.Host;
using Sluice.Resilience;
using Sluice.Storage;

namespace Sluice.Tests;

internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

    public List<(HttpMethod Method, Uri? Uri, string? Body)> Requests { get; } = new();

    public void Respond(HttpStatusCode status, string? body = null, string? etag = null) =>
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty) };
            if (etag is not null)
                response.Headers.ETag = new EntityTagHeaderValue(etag);
            return response;
        });

    public void RespondJson<T>(T value) =>
        _responses.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(value) });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        return Record(request, body);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.Content is not null)
        {
            using var reader = new StreamReader(request.Content.ReadAsStream(cancellationToken));
            body = reader.ReadToEnd();
        }
        return Record(request, body);
    }

    private HttpResponseMessage Record(HttpRequestMessage request, string? body)
    {
        Requests.Add((request.Method, request.RequestUri, body));
        if (_responses.Count == 0)
            throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
        return _responses.Dequeue()(request);
    }
}

[TestClass]
public sealed class ObjectStoreClientTests
{
    private StubHandler _handler = null!;
    private ObjectStoreClient _client = null!;
    private string _tempDir = null!;

    [TestInitialize]
    public void Setup()
    {
        _handler = new StubHandler();
        var http = new HttpClient(_handler) { BaseAddress = new Uri("http://store.test/") };
        _client = new ObjectStoreClient(http, "sluice-logs", ownsClient: true);
        _tempDir = Path.Combine(Path.GetTempPath(), "sluice-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tempDir);
    }

    [TestCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        Directory.Delete(_tempDir, recursive: true);
    }

    [TestMethod]
    public async Task PutAsync_SendsBodyAndReturnsETag()
    {
        _handler.Respond(HttpStatusCode.OK, etag: "\"abc\"");
        var content = new MemoryStream(Encoding.UTF8.GetBytes("{\"message\":\"hi\"}\n"));

        var info = await _client.PutAsync("2024/05/01/batch-1.ndjson", content);

        Assert.AreEqual("\"abc\"", info.ETag);
        Assert.AreEqual(HttpMethod.Put, _handler.Requests[0].Method);
        Assert.AreEqual("{\"message\":\"hi\"}\n", _handler.Requests[0].Body);
    }

    [TestMethod]
    public void Put_SyncApi_UsesSameRequestShape()
    {
        _handler.Respond(HttpStatusCode.OK, etag: "\"sync\"");

        var info = _client.Put("cli/upload.ndjson", new MemoryStream(new byte[] { 1, 2, 3 }));

        Assert.AreEqual("\"sync\"", info.ETag);
        Assert.AreEqual(3, info.Size);
        Assert.AreEqual("http://store.test/sluice-logs/cli/upload.ndjson", _handler.Requests.Single().Uri!.ToString());
    }

    [TestMethod]
    public async Task HeadAsync_ReturnsNull_WhenObjectIsMissing()
    {
        _handler.Respond(HttpStatusCode.NotFound);

        var info = await _client.HeadAsync("missing.ndjson");

        Assert.IsNull(info);
    }

    [TestMethod]
    public void Head_FromSyncCaller_ReturnsInfo()
    {
        _handler.Respond(HttpStatusCode.OK, etag: "\"h\"");

        var info = _client.HeadAsync("present.ndjson").Result; // want ASY001

        Assert.IsNotNull(info);
        Assert.AreEqual("\"h\"", info.ETag);
    }

    [TestMethod]
    public async Task HeadAsync_ConcurrentCalls_AreIndependent()
    {
        _handler.Respond(HttpStatusCode.OK, etag: "\"a\"");
        _handler.Respond(HttpStatusCode.NotFound);

        var first = _client.HeadAsync("a");
        var second = _client.HeadAsync("b");
        await Task.WhenAll(first, second);

        Assert.AreEqual("\"a\"", first.Result!.ETag);
        Assert.IsNull(second.Result);
    }

    [TestMethod]
    public async Task DownloadToFileAsync_ServerError_ThrowsWithStatus()
    {
        _handler.Respond(HttpStatusCode.InternalServerError, "disk full");

        var ex = await Assert.ThrowsExactlyAsync<ObjectStoreException>(
            () => _client.DownloadToFileAsync("broken", Path.Combine(_tempDir, "out.ndjson")));

        Assert.AreEqual(HttpStatusCode.InternalServerError, ex.StatusCode);
        StringAssert.Contains(ex.Message, "disk full");
        Assert.IsFalse(File.Exists(Path.Combine(_tempDir, "out.ndjson")));
    }

    [TestMethod]
    public void DeleteAsync_Forbidden_Throws()
    {
        _handler.Respond(HttpStatusCode.Forbidden, "no");

        Assert.Throws<ObjectStoreException>(() => _client.DeleteAsync("locked")); // want ASY033
    }

    [TestMethod]
    public void PutFileAsync_MissingFile_Throws()
    {
        Assert.ThrowsAsync<FileNotFoundException>(() => _client.PutFileAsync("k", Path.Combine(_tempDir, "nope.seg"))); // want ASY004 ASY033
    }

    [TestMethod]
    public async Task ListAsync_FollowsContinuationTokens()
    {
        var t = DateTimeOffset.Parse("2024-05-01T00:00:00Z");
        _handler.RespondJson(new ListPage(new[] { new ObjectInfo("a", 1, "\"1\"", t) }, "next"));
        _handler.RespondJson(new ListPage(new[] { new ObjectInfo("b", 2, "\"2\"", t) }, null));

        var keys = new List<string>();
        await foreach (var item in _client.ListAsync("2024/"))
            keys.Add(item.Key);

        CollectionAssert.AreEqual(new[] { "a", "b" }, keys);
        StringAssert.Contains(_handler.Requests[1].Uri!.Query, "continuation-token=next");
    }

    [TestMethod]
    public async Task BuildObjectUri_EscapesEachSegment() // want ASY007
    {
        var uri = ObjectStoreClient.BuildObjectUri(new Uri("http://store.test/"), "sluice-logs", "2024/05/a b#1.ndjson");

        Assert.AreEqual("http://store.test/sluice-logs/2024/05/a%20b%231.ndjson", uri.AbsoluteUri);
    }

    [TestMethod]
    public async Task PutAsync_WithRetry_RecoversFromTransient503()
    {
        _handler.Respond(HttpStatusCode.ServiceUnavailable, "busy");
        _handler.Respond(HttpStatusCode.OK, etag: "\"v2\"");
        var retry = new RetryPolicy(
            new RetryOptions(MaxAttempts: 3, BaseDelay: TimeSpan.FromMilliseconds(1)),
            ex => ex is ObjectStoreException { StatusCode: HttpStatusCode.ServiceUnavailable });

        var info = await retry.ExecuteAsync(ct => _client.PutAsync("k", new MemoryStream(new byte[] { 7 }), ct));

        Assert.AreEqual("\"v2\"", info.ETag);
        Assert.AreEqual(2, _handler.Requests.Count);
    }

    [TestMethod]
    public async Task Controller_Head_ReturnsNotFound_ForMissingKey()
    {
        _handler.Respond(HttpStatusCode.NotFound);
        var controller = new ObjectsController(_client, compaction: null!);

        var result = await controller.Head("missing", CancellationToken.None);

        Assert.IsInstanceOfType(result.Result, typeof(NotFoundResult));
        Assert.IsNull(result.Value);
    }
}
