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

        // The API table says SendAsync returns a Task but not of what: not
        // provably the declared Task<HttpResponseMessage>, so not reported.
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            return await _http.SendAsync(request).ConfigureAwait(false);
        }

        public async Task<string> GetForecastAsync(string city, CancellationToken ct)
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

        public async Task<bool> TryWaitAsync(CancellationToken ct) => await _gate.WaitAsync(1000, ct);
    }
}
