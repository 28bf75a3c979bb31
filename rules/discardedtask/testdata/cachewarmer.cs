using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Shop.Caching
{
    public class CacheWarmer : IHostedService
    {
        private readonly ICatalogCache _cache;
        private Task _warmup;

        public CacheWarmer(ICatalogCache cache) => _cache = cache;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = _cache.WarmAsync(cancellationToken); // want ASY023
            _warmup = _cache.WarmAsync(cancellationToken);
            _ = Task.Factory.StartNew(() => _cache.Compact(), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default); // want ASY023
            _ = Task.Run(async () =>
            {
                // Refresh in the background; failures are logged, never thrown.
                try
                {
                    await _cache.WarmAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    Console.Error.WriteLine(ex);
                }
            });
            _ = _cache.Count;
            _ = _cache.TryGet("home", out var page);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_warmup != null)
            {
                await _warmup;
            }
        }
    }

    public interface ICatalogCache
    {
        Task WarmAsync(CancellationToken ct);
        void Compact();
        int Count { get; }
        bool TryGet(string key, out string page);
    }
}
