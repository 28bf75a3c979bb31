using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Sync
{
    public interface ICatalogClient
    {
        Task<IReadOnlyList<string>> GetSkusAsync(CancellationToken ct);
        Task PushAsync(string sku, CancellationToken ct);
    }

    public class CatalogSyncWorker : BackgroundService
    {
        private readonly ICatalogClient _client;
        private readonly ILogger<CatalogSyncWorker> _logger;
        private Task _warmup = Task.CompletedTask;

        public CatalogSyncWorker(ICatalogClient client, ILogger<CatalogSyncWorker> logger)
        {
            _client = client;
            _logger = logger;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.WhenAll(_warmup); // want ASY030
            Task<IReadOnlyList<string>> skusTask = _client.GetSkusAsync(stoppingToken);
            await Task.WhenAll(skusTask).ConfigureAwait(false); // want ASY030
            var results = await Task.WhenAll(skusTask); // want ASY030
            var pushes = skusTask.Result.Select(s => _client.PushAsync(s, stoppingToken)).ToList();
            await Task.WhenAll(pushes);
            await Task.WhenAll(pushes.ToArray());
            Task<IReadOnlyList<string>>[] batches = { skusTask };
            await Task.WhenAll(batches);
            await Task.WhenAll(_warmup, skusTask);
            await Task.WhenAll(new[] { _warmup }); // want ASY030
            await Task.WhenAll(new[] { _warmup, skusTask });
        }

        public void Flush(Task pending)
        {
            Task.WaitAll(pending); // want ASY030
            Task.WaitAll(pending, _warmup);
            Task.WaitAll(new[] { pending, _warmup }, TimeSpan.FromSeconds(5));
        }

        public async Task<bool> WaitQuietlyAsync(Task pending)
        {
            await Task.WhenAny(pending);
            var winner = await Task.WhenAny(pending); // want ASY030
            var timeout = Task.Delay(1000);
            var first = await Task.WhenAny(pending, timeout);
            return first == pending && winner == pending;
        }

        public Task CombineAsync(Task pending) => Task.WhenAll(pending); // want ASY030

        public Task CombineAll(IEnumerable<Task> pending) => Task.WhenAll(pending);

        public Task CombineOne(Task<int> pending) => Task.WhenAll(pending); // want ASY030
    }
}
