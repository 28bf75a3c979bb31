using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Shop.Services;

namespace Shop.Tests.Payments;

[TestFixture]
public class PaymentGatewayClientTests
{
    private StubHandler _handler = null!;
    private PaymentGatewayClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler();
        var http = new HttpClient(_handler) { BaseAddress = new Uri("https://pay.test/") };
        _client = new PaymentGatewayClient(http, NullLogger<PaymentGatewayClient>.Instance);
    }

    [Test]
    public async Task Charge_approved_returns_charge_id()
    {
        _handler.Respond(HttpStatusCode.OK, "{\"chargeId\":\"ch_1\"}");

        var result = await _client.ChargeAsync(new ChargeRequest("c1", 10m, "EUR", "k1"), CancellationToken.None);

        Assert.That(result.Ok, Is.True);
        Assert.That(result.Detail, Is.EqualTo("ch_1"));
    }

    [Test]
    public async Task Charge_payment_required_is_declined()
    {
        _handler.Respond(HttpStatusCode.PaymentRequired, "{\"reason\":\"insufficient funds\"}");

        var result = await _client.ChargeAsync(new ChargeRequest("c1", 10m, "EUR", "k2"), CancellationToken.None);

        Assert.That(result.Ok, Is.False);
        Assert.That(result.Detail, Does.Contain("insufficient"));
    }

    [Test]
    public void Charge_server_error_throws()
    {
        _handler.Respond(HttpStatusCode.InternalServerError, "");

        Assert.ThrowsAsync<HttpRequestException>(() => _client.ChargeAsync(new ChargeRequest("c1", 1m, "EUR", "k3"), CancellationToken.None));
    }

    [Test]
    public void Charge_cancelled_token_throws()
    {
        _handler.Respond(HttpStatusCode.OK, "{}");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<TaskCanceledException>(() => _client.ChargeAsync(new ChargeRequest("c1", 1m, "EUR", "k4"), cts.Token)); // want ASY033
    }

    [Test]
    public async Task Ping_handles_network_failure()
    {
        _handler.Fail(new HttpRequestException("down"));

        Assert.That(await _client.PingAsync(CancellationToken.None), Is.False);
    }

    private sealed class StubHandler : HttpMessageHandler
    {
        private Func<HttpResponseMessage>? _next;

        public void Respond(HttpStatusCode status, string json)
            => _next = () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        public void Fail(Exception ex) => _next = () => throw ex;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_next!());
        }
    }
}
