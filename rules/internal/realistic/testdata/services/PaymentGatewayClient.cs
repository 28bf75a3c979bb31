using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

public sealed class PaymentGatewayClient
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly ILogger<PaymentGatewayClient> _logger;

    public PaymentGatewayClient(HttpClient http, ILogger<PaymentGatewayClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<PaymentResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("v2/charges", request, JsonOptions, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PaymentRequired)
        {
            var problem = await response.Content.ReadFromJsonAsync<GatewayProblem>(JsonOptions, cancellationToken);
            return PaymentResult.Declined(problem?.Reason ?? "declined");
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ChargeResponse>(JsonOptions, cancellationToken);
        return PaymentResult.Approved(body!.ChargeId);
    }

    public async Task<PaymentResult> RefundAsync(string chargeId, decimal amount, CancellationToken cancellationToken)
    {
        var payload = new { chargeId, amount };
        using var response = await _http.PostAsJsonAsync("v2/refunds", payload, JsonOptions); // want ASY012
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(); // want ASY012
            _logger.LogWarning("Refund of {ChargeId} failed: {Body}", chargeId, text);
            return PaymentResult.Declined(text);
        }

        return PaymentResult.Approved(chargeId);
    }

    public async Task<ChargeStatus?> GetStatusAsync(string chargeId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _http.GetFromJsonAsync<ChargeStatus>($"v2/charges/{Uri.EscapeDataString(chargeId)}", JsonOptions, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < 3 && ex.StatusCode is null or HttpStatusCode.ServiceUnavailable)
            {
                _logger.LogDebug(ex, "Status lookup attempt {Attempt} failed", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, "v2/ping");
            using var response = await _http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public PaymentResult ChargeBlocking(ChargeRequest request)
    {
        return ChargeAsync(request, CancellationToken.None).GetAwaiter().GetResult(); // want ASY001
    }
}

public sealed record ChargeRequest(string CustomerRef, decimal Amount, string Currency, string IdempotencyKey);
public sealed record ChargeResponse(string ChargeId);
public sealed record ChargeStatus(string ChargeId, string State);
public sealed record GatewayProblem(string Reason);

public sealed class PaymentResult
{
    private PaymentResult(bool ok, string detail)
    {
        Ok = ok;
        Detail = detail;
    }

    public bool Ok { get; }
    public string Detail { get; }

    public static PaymentResult Approved(string chargeId) => new(true, chargeId);
    public static PaymentResult Declined(string reason) => new(false, reason);
}
