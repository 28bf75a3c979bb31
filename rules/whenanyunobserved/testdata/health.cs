using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Health
{
    public class DependencyProbe
    {
        private readonly HttpClient _http;
        private readonly IDatabase _db;
        private readonly ILogger<DependencyProbe> _logger;

        public DependencyProbe(HttpClient http, IDatabase db, ILogger<DependencyProbe> logger)
        {
            _http = http;
            _db = db;
            _logger = logger;
        }

        public async Task<bool> DatabaseUpAsync()
        {
            var ping = _db.PingAsync();
            return await Task.WhenAny(ping, Task.Delay(500)) == ping; // want ASY026
        }

        public async Task<bool> DatabaseUpCheckedAsync()
        {
            var ping = _db.PingAsync();
            if (await Task.WhenAny(ping, Task.Delay(500)) != ping)
            {
                return false;
            }
            await ping;
            return true;
        }

        public async Task WarmUpAsync(CancellationToken ct)
        {
            var cache = _db.WarmCacheAsync(ct);
            var index = _http.GetAsync("/index", ct);
            await Task.WhenAny(cache, index); // want ASY026
            _logger.LogInformation("warm-up started");
        }

        public async Task WarmUpBothAsync(CancellationToken ct)
        {
            var cache = _db.WarmCacheAsync(ct);
            var index = _http.GetAsync("/index", ct);
            await Task.WhenAny(cache, index);
            await Task.WhenAll(cache, index);
        }

        public async Task<string> FastestMirrorAsync(string a, string b)
        {
            var winner = await Task.WhenAny(_http.GetStringAsync(a), _http.GetStringAsync(b));
            return await winner;
        }

        public async Task RaceMirrorsAsync(string a, string b)
        {
            await Task.WhenAny(_http.GetStringAsync(a), _http.GetStringAsync(b)); // want ASY026
        }

        public async Task WaitForTickOrWakeUpAsync(PeriodicTimer timer, SemaphoreSlim wakeUp, CancellationToken ct)
        {
            await Task.WhenAny(timer.WaitForNextTickAsync(ct).AsTask(), wakeUp.WaitAsync(ct)); // want ASY026
            var first = await Task.WhenAny(timer.WaitForNextTickAsync(ct).AsTask(), wakeUp.WaitAsync(ct));
            await first;
        }

        public async Task WaitTimerAsync(CancellationToken ct)
        {
            var timeout = Task.Delay(TimeSpan.FromSeconds(1), ct);
            await Task.WhenAny(timeout, Task.Delay(-1, ct));
        }
    }

    public interface IDatabase
    {
        Task PingAsync();
        Task WarmCacheAsync(CancellationToken ct);
    }
}
