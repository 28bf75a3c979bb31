using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Shop.Services.Webhooks;
using Xunit;

namespace Shop.Tests.Webhooks;

public sealed class WebhookDispatcherTests
{
    private readonly Mock<IWebhookStore> _store = new();
    private readonly RecordingHandler _handler = new();
    private readonly WebhookDispatcher _dispatcher;

    public WebhookDispatcherTests()
    {
        _dispatcher = new WebhookDispatcher(new HttpClient(_handler), _store.Object, NullLogger<WebhookDispatcher>.Instance);
    }

    [Fact]
    public async Task No_subscribers_means_nothing_is_sent()
    {
        _store.Setup(s => s.ForEventAsync("order.paid", It.IsAny<CancellationToken>())).ReturnsAsync(Array.Empty<WebhookSubscription>());

        var delivered = await _dispatcher.DispatchAsync("order.paid", new { id = 1 }, CancellationToken.None);

        delivered.Should().Be(0);
        _handler.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Each_subscriber_gets_one_signed_request()
    {
        _store.Setup(s => s.ForEventAsync("order.paid", It.IsAny<CancellationToken>())).ReturnsAsync(new[]
        {
            new WebhookSubscription(Guid.NewGuid(), new Uri("https://a.test/hook"), "s1", new[] { "order.paid" }),
            new WebhookSubscription(Guid.NewGuid(), new Uri("https://b.test/hook"), "s2", new[] { "order.paid" }),
        });

        var delivered = await _dispatcher.DispatchAsync("order.paid", new { id = 1 }, CancellationToken.None);

        delivered.Should().Be(2);
        _handler.Requests.Should().Be(2);
        _handler.LastSignature.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Failures_are_recorded()
    {
        var id = Guid.NewGuid();
        _handler.Status = HttpStatusCode.BadGateway;
        _store.Setup(s => s.ForEventAsync("x", It.IsAny<CancellationToken>())).ReturnsAsync(new[]
        {
            new WebhookSubscription(id, new Uri("https://c.test/hook"), "s", new[] { "x" }),
        });

        await _dispatcher.DispatchAsync("x", new { }, CancellationToken.None);

        _store.Verify(s => s.RecordFailureAsync(id, "HTTP 502", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Cancelled_dispatch_throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        _store.Setup(s => s.ForEventAsync("x", It.IsAny<CancellationToken>())).ThrowsAsync(new OperationCanceledException());

        Func<Task> act = () => _dispatcher.DispatchAsync("x", new { }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Store_failure_surfaces()
    {
        _store.Setup(s => s.ForEventAsync("boom", It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("db down"));

        Func<Task> act = () => _dispatcher.DispatchAsync("boom", new { }, CancellationToken.None);

        act.Should().ThrowAsync<InvalidOperationException>().WithMessage("db down"); // want ASY033
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }
        public string? LastSignature { get; private set; }
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            LastSignature = request.Headers.TryGetValues("X-Signature", out var values) ? string.Join(",", values) : null;
            return Task.FromResult(new HttpResponseMessage(Status));
        }
    }
}
