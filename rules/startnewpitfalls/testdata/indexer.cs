using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Search
{
    public class SearchIndexer
    {
        private readonly ILogger<SearchIndexer> _logger;
        private readonly TaskFactory _uiFactory;
        private readonly TaskScheduler _exclusive;

        public SearchIndexer(ILogger<SearchIndexer> logger, TaskScheduler exclusive)
        {
            _logger = logger;
            _exclusive = exclusive;
            _uiFactory = new TaskFactory(TaskScheduler.FromCurrentSynchronizationContext());
        }

        public async Task RebuildAsync(CancellationToken cancellationToken)
        {
            await Task.Factory.StartNew(async () => await IndexAllAsync(cancellationToken)); // want ASY016
            await Task.Factory.StartNew(async () => await IndexAllAsync(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default); // want ASY016
            await Task.Factory.StartNew(async () => await IndexAllAsync(cancellationToken)).Unwrap(); // want ASY016
            await Task.Factory.StartNew(IndexAllAsync, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default).Unwrap();
            await await Task.Factory.StartNew(() => IndexAllAsync(cancellationToken), cancellationToken, TaskCreationOptions.None, TaskScheduler.Default);
            await Task.Factory.StartNew(() => Compact(), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await Task.Run(async () => await IndexAllAsync(cancellationToken), cancellationToken);
            await Task.Factory.StartNew(() => IndexAllAsync(cancellationToken), cancellationToken, TaskCreationOptions.None, TaskScheduler.Default); // want ASY016
            await Task.Factory.StartNew(() => Compact(), cancellationToken, TaskCreationOptions.None, TaskScheduler.Default);
            await _uiFactory.StartNew(() => _logger.LogInformation("rebuilt"));
            await _uiFactory.StartNew(async () => await IndexAllAsync(cancellationToken)); // want ASY016
        }

        public Task CompactInBackground(CancellationToken token)
        {
            return Task.Factory.StartNew(() => Compact(), token); // want ASY016
        }

        public Task CompactLongRunning()
        {
            return Task.Factory.StartNew(Compact, TaskCreationOptions.LongRunning); // want ASY016
        }

        public Task CompactOn(TaskScheduler scheduler)
        {
            return Task.Factory.StartNew(Compact, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);
        }

        public Task CompactWithState(object state, object options)
        {
            return Task.Factory.StartNew(s => Compact(), state, options);
        }

        public Task<int> CountAsync(Task<List<string>> documents)
        {
            documents.ContinueWith(t => _logger.LogError(t.Exception, "load failed"), TaskContinuationOptions.OnlyOnFaulted); // want ASY016
            documents.ContinueWith(t => _logger.LogError(t.Exception, "load failed"), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            documents.ContinueWith(t => _logger.LogInformation("loaded"), _exclusive);
            documents.ContinueWith(async t => await LogAsync(t.Result.Count), TaskScheduler.Default); // want ASY016
            documents.ContinueWith(async t => await LogAsync(t.Result.Count), TaskScheduler.Default).Unwrap();
            return documents.ContinueWith(t => t.Result.Count); // want ASY016
        }

        public void Observe(IObservable<int> source, Lazy<Task> lazy)
        {
            source.ContinueWith(x => x + 1);
            lazy.Value.ContinueWith(t => Compact(), TaskScheduler.Default);
        }

        private Task IndexAllAsync(CancellationToken ct) => Task.Delay(100, ct);

        private Task LogAsync(int count) => Task.CompletedTask;

        private void Compact() { }
    }
}
