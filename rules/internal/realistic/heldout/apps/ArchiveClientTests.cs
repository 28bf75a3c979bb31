// Lumen.Archive.Sdk.Tests — unit tests for the SDK client, cache and retry helpers.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lumen.Archive.Sdk;
using Lumen.Archive.Sdk.Caching;
using Lumen.Archive.Sdk.Resilience;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Lumen.Archive.Sdk.Tests;

internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(respond(request));
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return respond(request);
    }
}

public class ArchiveClientTests
{
    private static readonly StudySummary Sample = new("1.2.840.1", "P001", "DOE^JANE", new DateOnly(2023, 4, 17), "CT", 3, 52_428_800);

    private static ArchiveClient CreateClient(Func<HttpRequestMessage, HttpResponseMessage> respond, out StubHandler handler)
    {
        handler = new StubHandler(respond);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://archive.test/api/v2/") };
        return new ArchiveClient(http, new ArchiveClientOptions { ApiKey = "test-key" });
    }

    private static HttpResponseMessage Json<T>(T body, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = JsonContent.Create(body, options: ArchiveClient.JsonOptions) };

    [Fact]
    public async Task GetStudyAsync_returns_null_on_404()
    {
        var client = CreateClient(_ => new HttpResponseMessage(HttpStatusCode.NotFound), out _);

        var study = await client.GetStudyAsync("1.2.3");

        Assert.Null(study);
    }

    [Fact]
    public async Task GetStudyAsync_sends_api_key_and_escapes_uid()
    {
        var client = CreateClient(_ => Json(Sample), out var handler);

        var study = await client.GetStudyAsync("1.2.840.1");

        Assert.Equal(Sample, study);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("ApiKey", request.Headers.Authorization?.Scheme);
        Assert.EndsWith("studies/1.2.840.1", request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Server_errors_surface_as_ArchiveException_with_status()
    {
        var client = CreateClient(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("index unavailable", Encoding.UTF8, "text/plain"),
        }, out _);

        var ex = await Assert.ThrowsAsync<ArchiveException>(() => client.SearchAsync(new StudyQuery(PatientId: "P001")));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.Status);
        Assert.Contains("index unavailable", ex.Message);
    }

    [Fact]
    public void DeleteStudyAsync_propagates_forbidden()
    {
        var client = CreateClient(_ => new HttpResponseMessage(HttpStatusCode.Forbidden), out _);

        Assert.Throws<ArchiveException>(() => client.DeleteStudyAsync("1.2.3")); // want ASY033
    }

    [Fact]
    public async Task SearchAsync_honours_cancellation() // want ASY007
    {
        var client = CreateClient(_ => Json(new { items = Array.Empty<StudySummary>() }), out _);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var thrown = Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SearchAsync(new StudyQuery(), cts.Token)); // want ASY033
        Assert.NotNull(thrown);
    }

    [Fact]
    public void Search_follows_continuation_tokens()
    {
        var pages = new Queue<object>([
            new { items = new[] { Sample }, continuationToken = "abc" },
            new { items = new[] { Sample with { StudyInstanceUid = "1.2.840.2" } }, continuationToken = (string?)null },
        ]);
        var client = CreateClient(_ => Json(pages.Dequeue()), out var handler);

        var results = client.SearchAsync(new StudyQuery(PatientId: "P001")).Result; // want ASY001

        Assert.Equal(2, results.Count);
        Assert.Contains("continuation=abc", handler.Requests[1].RequestUri!.Query);
    }

    [Fact]
    public void Sync_download_copies_the_whole_body()
    {
        var payload = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var client = CreateClient(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) }, out _);
        var destination = new MemoryStream();

        var copied = client.DownloadInstance("1.2.3", "1.2.3.4", destination);

        Assert.Equal(payload.Length, copied);
        Assert.Equal(payload, destination.ToArray());
    }

    [Fact]
    public async Task Cache_coalesces_concurrent_lookups()
    {
        var gate = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var handler = new DelegatingStub(_ => { Interlocked.Increment(ref calls); return gate.Task; });
        var client = new ArchiveClient(new HttpClient(handler) { BaseAddress = new Uri("https://archive.test/") }, new ArchiveClientOptions());
        using var cache = new StudyMetadataCache(client, new MemoryCache(new MemoryCacheOptions()), new StudyCacheOptions(), NullLogger<StudyMetadataCache>.Instance);

        var first = cache.GetAsync("1.2.840.1").AsTask();
        var second = cache.GetAsync("1.2.840.1").AsTask();
        gate.SetResult(Json(Sample));
        await Task.WhenAll(first, second);

        Assert.Equal(1, calls);
        Assert.Same(first.Result, second.Result);
    }

    [Fact]
    public async Task Backoff_is_capped_at_thirty_seconds() // want ASY007
    {
        var options = new RetryOptions(MaxAttempts: 20, BaseDelay: TimeSpan.FromSeconds(1), Jitter: 0);

        var delay = Retry.Backoff(options, attempt: 15);

        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    [Fact]
    public async Task Retry_gives_up_after_max_attempts()
    {
        var attempts = 0;
        var options = new RetryOptions(MaxAttempts: 3, BaseDelay: TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => Retry.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new TimeoutException();
        }, options));

        Assert.Equal(3, attempts);
    }

    private sealed class DelegatingStub(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => respond(request);
    }
}
