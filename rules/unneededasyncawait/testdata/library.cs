using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Client
{
    public sealed class WeatherClient
    {
        private readonly HttpClient _http;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(4);

        public WeatherClient(HttpClient http) => _http = http;

        // HttpClient.SendAsync is a Task<HttpResponseMessage> by the API
        // table; on a receiver of unknown type the same name could be
        // Socket's ValueTask-returning SendAsync, so that one is not reported.
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) // want ASY009
        {
            return await _http.SendAsync(request).ConfigureAwait(false);
        }

        private async Task<T> GetJsonAsync<T>(string path, CancellationToken ct)
        {
            var text = await _http.GetStringAsync(path, ct).ConfigureAwait(false);
            return System.Text.Json.JsonSerializer.Deserialize<T>(text)!;
        }

        public async Task<string[]> GetCitiesAsync(CancellationToken ct) // want ASY009
        {
            return await GetJsonAsync<string[]>("cities", ct).ConfigureAwait(false);
        }

        public async Task<object> GetCityObjectAsync(CancellationToken ct)
        {
            return await GetJsonAsync<string>("city", ct).ConfigureAwait(false);
        }

        public async Task<HttpResponseMessage> RelayAsync(dynamic channel, HttpRequestMessage request)
        {
            return await channel.SendAsync(request);
        }

        public async Task<string> GetForecastAsync(string city, CancellationToken ct) // want ASY009
        {
            return await _http.GetStringAsync("forecast/" + city, ct).ConfigureAwait(false);
        }

        public async Task<string> GetThrottledAsync(string city, CancellationToken ct)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return await _http.GetStringAsync("forecast/" + city, ct).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<Stream> OpenAsync(string city)
        {
            var response = await _http.GetAsync("raw/" + city).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        }

        public async Task WaitForSlotAsync(CancellationToken ct) => await _gate.WaitAsync(ct); // want ASY009

        public async Task CacheAsync(string city, string json, CancellationToken ct) // want ASY009
        {
            await _cache.SetStringAsync("forecast:" + city, json, ct);
        }

        public async Task CloseAsync(Stream body) => await body.DisposeAsync();

        public async Task<bool> AnyStaleAsync(CancellationToken ct) => await _db.Forecasts.AnyAsync(f => f.Stale, ct); // want ASY009

        public async Task<object> CountBoxedAsync(CancellationToken ct) => await _db.Forecasts.CountAsync(ct);

        public async Task TouchAsync(int id) => await _db.Forecasts.FindAsync(id);

        public async Task<bool> TryWaitAsync(CancellationToken ct) => await _gate.WaitAsync(1000, ct);
    }
}
