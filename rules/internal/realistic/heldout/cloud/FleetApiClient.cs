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
using CommunityToolkit.Mvvm.ComponentModel;
using Microsoft.Maui.Storage;

namespace Fleetwise.Driver.Services;

public partial class VehicleItem : ObservableObject
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = string.Empty;
    public string SerialNumber { get; init; } = string.Empty;
    public DateTimeOffset? LastSeenUtc { get; init; }
    public double OdometerKm { get; init; }

    [ObservableProperty]
    private int? _lastPingMs;

    [ObservableProperty]
    private int _tripsThisWeek;
}

public sealed record TripSummary(Guid TripId, Guid VehicleId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, double DistanceKm);

public sealed record CommandAckDto(string CommandId, bool Success, int RoundTripMs);

public sealed class VehicleBusyException : Exception
{
    public VehicleBusyException(Guid vehicleId) : base($"Vehicle {vehicleId} is executing another command") => VehicleId = vehicleId;

    public Guid VehicleId { get; }
}

public interface IFleetApiClient
{
    Task<IReadOnlyList<VehicleItem>> GetVehiclesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TripSummary>> GetVehicleHistoryAsync(Guid vehicleId, CancellationToken cancellationToken = default);

    Task<CommandAckDto> SendCommandAsync(Guid vehicleId, string command, CancellationToken cancellationToken = default);

    IAsyncEnumerable<TripSummary> StreamTripsAsync(Guid vehicleId, DateOnly from);
}

public interface ITokenProvider
{
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default);
}

public interface IOfflineVehicleStore
{
    Task<IReadOnlyList<VehicleItem>> LoadVehiclesAsync(CancellationToken cancellationToken = default);

    Task SaveVehiclesAsync(IReadOnlyList<VehicleItem> vehicles, CancellationToken cancellationToken = default);
}

public sealed class OfflineVehicleStore : IOfflineVehicleStore
{
    private readonly string _path = Path.Combine(FileSystem.AppDataDirectory, "vehicles.json");

    public async Task<IReadOnlyList<VehicleItem>> LoadVehiclesAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_path))
        {
            return Array.Empty<VehicleItem>();
        }

        var json = File.ReadAllText(_path); // want ASY006
        var items = JsonSerializer.Deserialize<List<VehicleItem>>(json, FleetApiClient.JsonOptions);
        await Task.Yield(); // keep the UI thread responsive while the list binds
        return items ?? new List<VehicleItem>();
    }

    public async Task SaveVehiclesAsync(IReadOnlyList<VehicleItem> vehicles, CancellationToken cancellationToken = default)
    {
        var temp = _path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, vehicles, FleetApiClient.JsonOptions, cancellationToken);
        }

        File.Move(temp, _path, overwrite: true);
    }
}

public sealed class FleetApiClient : IFleetApiClient
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly ITokenProvider _tokens;

    public FleetApiClient(HttpClient http, ITokenProvider tokens)
    {
        _http = http;
        _tokens = tokens;
    }

    public async Task<IReadOnlyList<VehicleItem>> GetVehiclesAsync(CancellationToken cancellationToken = default)
    {
        using var request = await CreateRequestAsync(HttpMethod.Get, "api/v1/vehicles", cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var items = await JsonSerializer.DeserializeAsync<List<VehicleItem>>(body, JsonOptions, cancellationToken).ConfigureAwait(false);
        return items ?? new List<VehicleItem>();
    }

    public async Task<IReadOnlyList<TripSummary>> GetVehicleHistoryAsync(Guid vehicleId, CancellationToken cancellationToken = default)
    {
        using var request = await CreateRequestAsync(HttpMethod.Get, $"api/v1/vehicles/{vehicleId}/trips?days=7", cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return Array.Empty<TripSummary>();
        }

        response.EnsureSuccessStatusCode();
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false); // want ASY020
        var trips = await JsonSerializer.DeserializeAsync<List<TripSummary>>(body, JsonOptions, cancellationToken).ConfigureAwait(false);
        return trips ?? new List<TripSummary>();
    }

    public async Task<CommandAckDto> SendCommandAsync(Guid vehicleId, string command, CancellationToken cancellationToken = default)
    {
        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/vehicles/{vehicleId}/commands")
        {
            Content = JsonContent.Create(new { command }, options: JsonOptions),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _http.SendAsync(request).ConfigureAwait(false); // want ASY012
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new VehicleBusyException(vehicleId);
        }

        response.EnsureSuccessStatusCode();
        var ack = await response.Content.ReadFromJsonAsync<CommandAckDto>(JsonOptions, cancellationToken).ConfigureAwait(false);
        return ack ?? throw new InvalidDataException("Empty command acknowledgement");
    }

    public async IAsyncEnumerable<TripSummary> StreamTripsAsync(Guid vehicleId, DateOnly from) // want ASY021
    {
        var url = $"api/v1/vehicles/{vehicleId}/trips/stream?from={from:yyyy-MM-dd}";
        using var request = await CreateRequestAsync(HttpMethod.Get, url).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();

        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await foreach (var trip in JsonSerializer.DeserializeAsyncEnumerable<TripSummary>(stream, JsonOptions).ConfigureAwait(false))
        {
            if (trip is not null)
            {
                yield return trip;
            }
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string url, CancellationToken cancellationToken = default)
    {
        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}

public sealed class SecureStorageTokenProvider : ITokenProvider
{
    private sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);

    private readonly HttpClient _authHttp;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private string? _cached;
    private DateTimeOffset _expiresAt;

    public SecureStorageTokenProvider(HttpClient authHttp) => _authHttp = authHttp;

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is not null && _expiresAt > DateTimeOffset.UtcNow.AddMinutes(1))
        {
            return _cached;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is not null && _expiresAt > DateTimeOffset.UtcNow.AddMinutes(1))
            {
                return _cached;
            }

            var refreshToken = await SecureStorage.Default.GetAsync("refresh_token").ConfigureAwait(false)
                ?? throw new UnauthorizedAccessException("Driver is not signed in");

            using var response = await _authHttp.PostAsync(
                "connect/token",
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = refreshToken,
                    ["client_id"] = "fleetwise-driver-app",
                }),
                cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(FleetApiClient.JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("Token endpoint returned an empty body");
            await SecureStorage.Default.SetAsync("refresh_token", token.RefreshToken).ConfigureAwait(false);

            _cached = token.AccessToken;
            _expiresAt = DateTimeOffset.UtcNow.AddSeconds(token.ExpiresIn);
            return _cached;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    // Used by the synchronous crash reporter to tag reports; must never trigger a refresh.
    public string? PeekToken()
    {
        _refreshLock.Wait();
        try
        {
            return _cached;
        }
        finally
        {
            _refreshLock.Release();
        }
    }
}
