using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Services.Webhooks;

public sealed record WebhookSubscription(Guid Id, Uri Endpoint, string Secret, string[] Events);

public interface IWebhookStore
{
    Task<WebhookSubscription[]> ForEventAsync(string eventName, CancellationToken cancellationToken);
    Task RecordFailureAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken);
}

public sealed class WebhookDispatcher
{
    private readonly HttpClient _http;
    private readonly IWebhookStore _store;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _circuit = new();

    public WebhookDispatcher(HttpClient http, IWebhookStore store, ILogger<WebhookDispatcher> logger)
    {
        _http = http;
        _store = store;
        _logger = logger;
    }

    public async Task<int> DispatchAsync(string eventName, object payload, CancellationToken cancellationToken)
    {
        var subscriptions = await _store.ForEventAsync(eventName, cancellationToken).ConfigureAwait(false);
        if (subscriptions.Length == 0)
        {
            return 0;
        }

        var body = JsonSerializer.Serialize(new { @event = eventName, data = payload, sentAt = DateTimeOffset.UtcNow });
        var deliveries = new Task<bool>[subscriptions.Length];
        for (var i = 0; i < subscriptions.Length; i++)
        {
            deliveries[i] = DeliverAsync(subscriptions[i], body, cancellationToken);
        }

        var results = await Task.WhenAll(deliveries).ConfigureAwait(false);
        var delivered = 0;
        foreach (var ok in results)
        {
            if (ok)
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(WebhookSubscription subscription, string body, CancellationToken cancellationToken)
    {
        if (_circuit.TryGetValue(subscription.Id, out var openUntil) && openUntil > DateTimeOffset.UtcNow)
        {
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature", Sign(body, subscription.Secret));

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                _circuit.TryRemove(subscription.Id, out _);
                return true;
            }

            await _store.RecordFailureAsync(subscription.Id, $"HTTP {(int)response.StatusCode}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Webhook {Id} unreachable", subscription.Id);
            await _store.RecordFailureAsync(subscription.Id, ex.Message, CancellationToken.None).ConfigureAwait(false);
        }

        _circuit[subscription.Id] = DateTimeOffset.UtcNow.AddMinutes(5);
        return false;
    }

    public void DispatchInBackground(string eventName, object payload)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await DispatchAsync(eventName, payload, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Background dispatch of {Event} failed", eventName);
            }
        });
    }

    public void DispatchAndForget(string eventName, object payload)
    {
        DispatchAsync(eventName, payload, CancellationToken.None); // want ASY004
    }

    private static string Sign(string body, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
    }
}
