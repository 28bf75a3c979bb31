using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Integration
{
    public sealed class RetryingClient
    {
        private readonly HttpClient _http;
        private readonly object _sync = new object();

        public RetryingClient(HttpClient http) => _http = http;

        public async Task<string> GetWithRetryAsync(string url, int attempts)
        {
            for (var i = 0; i < attempts; i++)
            {
                try
                {
                    return await _http.GetStringAsync(url);
                }
                catch (HttpRequestException) when (i < attempts - 1)
                {
                    Thread.Sleep(500 * (i + 1)); // want ASY005
                }
            }
            throw new InvalidOperationException("unreachable");
        }

        public async Task PollAsync(Func<bool> done, CancellationToken token)
        {
            while (!done())
            {
                System.Threading.Thread.Sleep(TimeSpan.FromSeconds(1)); // want ASY005
                global::System.Threading.Thread.Sleep(millisecondsTimeout: 250); // want ASY005
                token.ThrowIfCancellationRequested();
                await Task.Delay(TimeSpan.FromSeconds(1), token);
            }
        }

        public async Task SpinAsync(Func<bool> ready)
        {
            while (!ready())
            {
                Thread.Sleep(0); // want ASY005
            }
            lock (_sync)
            {
                Thread.Sleep(10); // want ASY005
            }
            await Task.Yield();
        }

        public string GetWithRetry(string url)
        {
            Thread.Sleep(500);
            return _http.GetStringAsync(url).GetAwaiter().GetResult();
        }

        public Task WarmUpAsync()
        {
            Thread.Sleep(100); // want ASY005
            return Task.Run(() => Thread.Sleep(100));
        }

        public async Task ProcessAsync(List<int> delays)
        {
            delays.ForEach(d => Thread.Sleep(d));
            await Task.Run(() =>
            {
                Thread.Sleep(50);
            });
            await Task.Run(async () =>
            {
                Thread.Sleep(50); // want ASY005
                await Task.Delay(50);
            });
            Func<Task> backoff = async () => Thread.Sleep(200); // want ASY005
            Action pause = () => Thread.Sleep(200);
            Action<int> sleeper = Thread.Sleep;
            await backoff();

            async Task LocalAsync()
            {
                Thread.Sleep(25); // want ASY005
                await Task.Delay(25);
            }

            void LocalSync() => Thread.Sleep(25);

            await LocalAsync();
            LocalSync();
        }
    }

    [ApiController]
    [Route("api/reports")]
    public sealed class ReportsController : ControllerBase
    {
        [HttpGet]
        public async Task<IActionResult> Get()
        {
            Thread.Sleep(2000); // want ASY005
            await Task.Delay(2000);
            return Ok();
        }

        [HttpPost]
        public IActionResult Post()
        {
            Thread.Sleep(2000);
            return Accepted();
        }
    }
}
