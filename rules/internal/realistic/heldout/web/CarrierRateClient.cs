using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freightly.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Extensions.Http;

namespace Freightly.Infrastructure.Carriers;

public sealed class CarrierApiOptions
{
    public const string Section = "CarrierApi";

    public Uri BaseAddress { get; set; } = new("https://rates.freightly.internal/");
    public string ApiKey { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public int RetryCount { get; set; } = 3;
}

public sealed record RateRequest(string CarrierCode, string OriginCode, string DestinationCode, decimal WeightKg, TransportMode Mode);

public sealed record RateQuote(string CarrierCode, decimal Price, string Currency, int TransitDays, DateTimeOffset ValidUntil);

public sealed record CarrierStatus(string CarrierCode, bool Available, string? Message);

public interface ICarrierRateClient
{
    Task<RateQuote?> GetRateAsync(RateRequest request, CancellationToken ct = default);
    Task<IReadOnlyList<RateQuote>> GetRatesAsync(IEnumerable<RateRequest> requests, CancellationToken ct = default);
    Task<CarrierStatus> GetStatusAsync(string carrierCode, CancellationToken ct = default);
    Task<IReadOnlyList<string>> GetServiceAreasAsync(string carrierCode, CancellationToken ct = default);
}

public sealed class CarrierRateClient : ICarrierRateClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly ILogger<CarrierRateClient> _logger;
    private readonly Dictionary<string, CarrierStatus> _statusCache = new(StringComparer.OrdinalIgnoreCase);

    public CarrierRateClient(HttpClient http, ILogger<CarrierRateClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<RateQuote?> GetRateAsync(RateRequest request, CancellationToken ct = default)
    {
        using var response = await _http.PostAsJsonAsync($"v2/carriers/{request.CarrierCode}/rates", request, Json, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            _logger.LogDebug("Carrier {Carrier} does not serve {Origin}->{Destination}", request.CarrierCode, request.OriginCode, request.DestinationCode);
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RateQuote>(Json, ct);
    }

    public async Task<IReadOnlyList<RateQuote>> GetRatesAsync(IEnumerable<RateRequest> requests, CancellationToken ct = default)
    {
        var results = new List<RateQuote?>();
        foreach (var request in requests)
        {
            results.Add(await GetRateAsync(request, ct)); // want ASY010
        }

        return results.OfType<RateQuote>().ToList();
    }

    public Task<CarrierStatus> GetStatusAsync(string carrierCode, CancellationToken ct = default)
    {
        if (_statusCache.TryGetValue(carrierCode, out var cached))
            return Task.FromResult(cached);

        return FetchStatusAsync(carrierCode, ct);
    }

    private async Task<CarrierStatus> FetchStatusAsync(string carrierCode, CancellationToken ct)
    {
        var status = await _http.GetFromJsonAsync<CarrierStatus>($"v2/carriers/{carrierCode}/status", Json, ct)
                     ?? new CarrierStatus(carrierCode, false, "empty status payload");
        _statusCache[carrierCode] = status;
        return status;
    }

    public async Task<IReadOnlyList<string>> GetServiceAreasAsync(string carrierCode, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync($"v2/carriers/{carrierCode}/areas", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();

        using var stream = await response.Content.ReadAsStreamAsync(ct); // want ASY020
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return document.RootElement
            .GetProperty("areas")
            .EnumerateArray()
            .Select(e => e.GetString()!)
            .Where(code => code.Length == 5)
            .ToList();
    }
}

public sealed class CarrierHealthCheck : IHealthCheck
{
    private readonly ICarrierRateClient _client;

    public CarrierHealthCheck(ICarrierRateClient client) => _client = client;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var road = _client.GetStatusAsync("DHLF", cancellationToken);
        var rail = _client.GetStatusAsync("DBSCH", cancellationToken);
        var sea = _client.GetStatusAsync("MAEU", cancellationToken);
        await Task.WhenAll(road, rail, sea);

        var statuses = new[] { road.Result, rail.Result, sea.Result };
        var down = statuses.Where(s => !s.Available).Select(s => s.CarrierCode).ToList();

        return down.Count switch
        {
            0 => HealthCheckResult.Healthy("All carrier APIs reachable"),
            < 3 => HealthCheckResult.Degraded($"Unavailable: {string.Join(", ", down)}"),
            _ => HealthCheckResult.Unhealthy("No carrier API reachable"),
        };
    }
}

public static class CarrierClientRegistration
{
    public static IServiceCollection AddCarrierRateClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CarrierApiOptions>(configuration.GetSection(CarrierApiOptions.Section));

        services
            .AddHttpClient<ICarrierRateClient, CarrierRateClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<CarrierApiOptions>>().Value;
                http.BaseAddress = options.BaseAddress;
                http.Timeout = options.Timeout;
                http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
            })
            .AddPolicyHandler((sp, _) => RetryPolicy(sp));

        services.AddHealthChecks().AddCheck<CarrierHealthCheck>("carriers", tags: new[] { "ready" });
        return services;
    }

    private static IAsyncPolicy<HttpResponseMessage> RetryPolicy(IServiceProvider sp)
    {
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Freightly.CarrierApi");
        var retries = sp.GetRequiredService<IOptions<CarrierApiOptions>>().Value.RetryCount;

        return HttpPolicyExtensions
            .HandleTransientHttpError()
            .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests)
            .WaitAndRetryAsync(
                retries,
                attempt => TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt)),
                (outcome, delay, attempt, _) =>
                    logger.LogWarning(
                        outcome.Exception,
                        "Carrier API attempt {Attempt} failed with {Status}; retrying in {Delay}",
                        attempt,
                        outcome.Result?.StatusCode,
                        delay));
    }
}
