using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freightly.Domain;
using Freightly.Infrastructure.Carriers;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Freightly.Tests.Carriers;

internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(respond(request));
    }
}

internal sealed class AsyncStubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        respond(request, cancellationToken);
}

public sealed class CarrierRateClientTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly RateQuote SampleQuote =
        new("DHLF", 412.50m, "EUR", 2, new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero));

    private static RateRequest SampleRequest(string carrier = "DHLF") =>
        new(carrier, "NLRTM", "DEHAM", 1_250m, TransportMode.Road);

    private static HttpResponseMessage Json<T>(HttpStatusCode status, T body) =>
        new(status) { Content = JsonContent.Create(body, options: Web) };

    private static CarrierRateClient CreateClient(HttpMessageHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("https://rates.test/") }, NullLogger<CarrierRateClient>.Instance);

    [Fact]
    public async Task GetRateAsync_posts_request_and_parses_quote()
    {
        string? body = null;
        var handler = new AsyncStubHandler(async (request, ct) =>
        {
            body = await request.Content!.ReadAsStringAsync(ct);
            return Json(HttpStatusCode.OK, SampleQuote);
        });
        var client = CreateClient(handler);

        var quote = await client.GetRateAsync(SampleRequest());

        Assert.Equal(SampleQuote, quote);
        Assert.Contains("\"originCode\":\"NLRTM\"", body);
    }

    [Fact]
    public async Task GetRateAsync_returns_null_when_carrier_does_not_serve_lane()
    {
        var client = CreateClient(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var quote = await client.GetRateAsync(SampleRequest());

        Assert.Null(quote);
    }

    [Fact]
    public async Task GetRateAsync_throws_on_server_error() // want ASY009
    {
        var client = CreateClient(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError)));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetRateAsync(SampleRequest()));
    }

    [Fact]
    public async Task GetRateAsync_surfaces_throttling_as_an_error()
    {
        var client = CreateClient(new AsyncStubHandler(async (_, _) => new HttpResponseMessage(HttpStatusCode.TooManyRequests))); // want ASY007

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetRateAsync(SampleRequest()));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
    }

    [Fact]
    public void GetRatesAsync_skips_lanes_that_are_not_served()
    {
        var handler = new StubHandler(request =>
            request.RequestUri!.AbsolutePath.Contains("/MAEU/")
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : Json(HttpStatusCode.OK, SampleQuote));
        var client = CreateClient(handler);

        var quotes = client.GetRatesAsync(new[] { SampleRequest("DHLF"), SampleRequest("MAEU"), SampleRequest("DBSCH") })
            .GetAwaiter().GetResult(); // want ASY001

        Assert.Equal(2, quotes.Count);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task GetStatusAsync_is_cached_after_first_call()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.OK, new CarrierStatus("DHLF", true, null)));
        var client = CreateClient(handler);

        var first = await client.GetStatusAsync("DHLF");
        var second = await client.GetStatusAsync("dhlf");

        Assert.Same(first, second);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Concurrent_status_calls_all_succeed()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.OK, new CarrierStatus("DHLF", true, null)));
        var client = CreateClient(handler);

        var calls = Enumerable.Range(0, 5).Select(_ => Task.Run(() => client.GetStatusAsync("DHLF"))).ToArray(); // want ASY008
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.True(s.Available));
    }

    [Fact]
    public async Task GetRateAsync_honours_cancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var handler = new AsyncStubHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = CreateClient(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetRateAsync(SampleRequest(), cts.Token));
    }

    [Fact]
    public async Task GetServiceAreasAsync_filters_malformed_codes()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.OK, new { areas = new[] { "NLRTM", "DE", "BEANR" } }));
        var client = CreateClient(handler);

        var areas = await client.GetServiceAreasAsync("DHLF");

        Assert.Equal(new[] { "NLRTM", "BEANR" }, areas);
    }

    [Fact]
    public void GetServiceAreasAsync_rejects_payload_without_areas()
    {
        var client = CreateClient(new StubHandler(_ => Json(HttpStatusCode.OK, new { regions = Array.Empty<string>() })));

        Assert.ThrowsAsync<KeyNotFoundException>(() => client.GetServiceAreasAsync("DHLF")); // want ASY004 ASY033
    }
}
