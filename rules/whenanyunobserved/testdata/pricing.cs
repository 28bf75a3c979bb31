using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Pricing
{
    public class PriceAggregator
    {
        private readonly HttpClient _http;
        private readonly ILogger<PriceAggregator> _logger;
        private Task _refresh = Task.CompletedTask;

        public PriceAggregator(HttpClient http, ILogger<PriceAggregator> logger)
        {
            _http = http;
            _logger = logger;
        }

        public async Task<string> GetWithTimeoutAsync(string url)
        {
            var work = _http.GetStringAsync(url);
            var timeout = Task.Delay(TimeSpan.FromSeconds(3));
            var winner = await Task.WhenAny(work, timeout); // want ASY026
            if (winner == timeout)
            {
                throw new TimeoutException();
            }
            return "ok";
        }

        public async Task<string> GetWithTimeoutCorrectAsync(string url)
        {
            var work = _http.GetStringAsync(url);
            var timeout = Task.Delay(TimeSpan.FromSeconds(3));
            if (await Task.WhenAny(work, timeout) == timeout)
            {
                throw new TimeoutException();
            }
            return await work;
        }

        public async Task PushAsync(string url)
        {
            await Task.WhenAny(_http.PostAsync(url, null), Task.Delay(1000)); // want ASY026
            await Task.WhenAny(Task.Delay(100), Task.Delay(200));
        }

        public async Task<string> FirstMirrorAsync(string primary, string secondary)
        {
            var a = _http.GetStringAsync(primary);
            var b = _http.GetStringAsync(secondary);
            var first = await Task.WhenAny(a, b);
            return await first;
        }

        public async Task RaceAsync(string primary, string secondary)
        {
            var a = _http.GetStringAsync(primary);
            var b = _http.GetStringAsync(secondary);
            var first = await Task.WhenAny(a, b).ConfigureAwait(false); // want ASY026
            _logger.LogInformation("primary won: {Won}", first == a);
        }

        public async Task<int> ProcessAsCompletedAsync(IEnumerable<string> urls)
        {
            var pending = urls.Select(u => _http.GetStringAsync(u)).ToList();
            var total = 0;
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                total += (await done).Length;
            }
            return total;
        }

        public async Task WaitForRefreshAsync(CancellationToken ct)
        {
            await Task.WhenAny(_refresh, Task.Delay(-1, ct));
        }

        public async Task<bool> FinishedInTimeAsync(Task job)
        {
            return await Task.WhenAny(job, Task.Delay(500)) == job;
        }

        public async Task ObserveFaultAsync(string url)
        {
            var work = _http.GetStringAsync(url);
            var winner = await Task.WhenAny(work, Task.Delay(2000));
            if (winner == work && work.IsFaulted)
            {
                _logger.LogError(work.Exception, "fetch failed");
            }
        }

        public async Task LogLaterAsync(string url)
        {
            var work = _http.GetStringAsync(url);
            work.ContinueWith(t => _logger.LogError(t.Exception, "failed"), TaskContinuationOptions.OnlyOnFaulted);
            await Task.WhenAny(work, Task.Delay(2000));
        }

        public async Task<Task<string>> WinnerAsync(string url)
        {
            var work = _http.GetStringAsync(url);
            return await Task.WhenAny(work, Task.Delay(2000).ContinueWith(_ => ""));
        }
    }
}
