using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Weather.Client
{
    public interface IForecastApi
    {
        Task<Forecast> GetForecastAsync(string city, CancellationToken ct = default);
        Task SaveAsync(Forecast forecast);
        ValueTask<int> CountAsync();
        Forecast GetCached(string city);
    }

    public class Forecast
    {
        public string City { get; set; }
        public double Celsius { get; set; }
    }

    public class ForecastService
    {
        private readonly HttpClient _http;
        private readonly IForecastApi _api;
        private readonly ILogger<ForecastService> _log;

        public ForecastService(HttpClient http, IForecastApi api, ILogger<ForecastService> log)
        {
            _http = http;
            _api = api;
            _log = log;
        }

        public Task<string> GetRawAsync(string url)
        {
            return Task.Run(() => _http.GetStringAsync(url)); // want ASY008
        }

        public async Task<Forecast> GetAsync(string city, CancellationToken ct)
        {
            var forecast = await Task.Run(async () => await _api.GetForecastAsync(city, ct)); // want ASY008
            await Task.Run(async () => { await _api.SaveAsync(forecast); }); // want ASY008
            await Task.Run(() => { return _api.SaveAsync(forecast); }); // want ASY008
            await Task.Run(async () => // want ASY008
            {
                // Saved on the pool to keep the caller responsive.
                await _api.SaveAsync(forecast);
            });
            await Task.Run(async () => await _api.SaveAsync(forecast).ConfigureAwait(false)).ConfigureAwait(false); // want ASY008
            await System.Threading.Tasks.Task.Run(() => _api.SaveAsync(forecast)); // want ASY008
            await Task.Run(() => _api.SaveAsync(forecast), ct); // want ASY008
            return forecast;
        }

        public async Task<double> AverageAsync(IEnumerable<string> cities)
        {
            var cached = await Task.Run(() => cities.Select(c => _api.GetCached(c)).ToList());
            var total = await Task.Run(() => cached.Sum(f => f.Celsius));
            await Task.Run(() => _api.SaveAsync(Build(cached)));
            await Task.Run(async () =>
            {
                await _api.SaveAsync(cached[0]);
                await _api.SaveAsync(cached[1]);
            });
            await Task.Run(() => { _api.SaveAsync(cached[0]); });
            var count = await Task.Run(() => _api.CountAsync());
            await Task.Run(() => _http.GetStringAsync(Url(cached[0].City)));
            await Task.Run(ComputeAsync);
            return total / cached.Count + count;
        }

        public string GetRawBlocking(string url)
        {
            return Task.Run(() => _http.GetStringAsync(url)).Result;
        }

        public void SaveBlocking(Forecast forecast)
        {
            Task.Run(() => _api.SaveAsync(forecast)).GetAwaiter().GetResult();
            Task.Run(async () => await _api.SaveAsync(forecast)).Wait();
            var pending = Task.Run(() => _api.SaveAsync(forecast));
            pending.Wait();
            Task.WaitAll(Task.Run(() => _api.SaveAsync(forecast)));
        }

        public void FireAndForget(Forecast forecast)
        {
            _ = Task.Run(() => _api.SaveAsync(forecast)); // want ASY008
        }

        private Forecast Build(List<Forecast> items) => items.First();

        private string Url(string city) => "https://example.org/" + city;

        private Task ComputeAsync() => Task.CompletedTask;

        private Task Run(Func<Task> work) => work();

        public Task Wrapper(Forecast forecast)
        {
            return Run(() => _api.SaveAsync(forecast));
        }
    }
}
