using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Shop.Feeds
{
    public class PriceTick
    {
        public string Symbol { get; set; }
        public decimal Price { get; set; }
    }

    public class FeedDbContext : DbContext
    {
        public DbSet<PriceTick> Ticks { get; set; }
    }

    public interface ITickSource
    {
        IAsyncEnumerable<PriceTick> StreamAsync(string symbol);
        Task<PriceTick> NextAsync(string symbol, CancellationToken ct = default);
    }

    public sealed class PriceFeed
    {
        private readonly HttpClient _http;
        private readonly ITickSource _source;
        private readonly Channel<PriceTick> _channel = Channel.CreateUnbounded<PriceTick>();

        public PriceFeed(HttpClient http, ITickSource source)
        {
            _http = http;
            _source = source;
        }

        public async IAsyncEnumerable<PriceTick> TicksAsync(string symbol, CancellationToken ct = default) // want ASY021
        {
            while (!ct.IsCancellationRequested)
            {
                yield return await _source.NextAsync(symbol, ct);
            }
        }

        public async IAsyncEnumerable<PriceTick> GuardedAsync(string symbol, [EnumeratorCancellation] CancellationToken ct = default)
        {
            while (true)
            {
                yield return await _source.NextAsync(symbol, ct);
            }
        }

        public async IAsyncEnumerable<string> LinesAsync(string url) // want ASY021
        {
            using var stream = await _http.GetStreamAsync(url);
            using var reader = new StreamReader(stream);
            string line;
            while ((line = await reader.ReadLineAsync()) != null)
            {
                yield return line;
            }
        }

        public async IAsyncEnumerable<PriceTick> DrainAsync() // want ASY021
        {
            await foreach (var tick in _channel.Reader.ReadAllAsync())
            {
                yield return tick;
            }
        }

        public async IAsyncEnumerable<int> CountdownAsync(int from)
        {
            for (var i = from; i > 0; i--)
            {
                await Task.Yield();
                yield return i;
            }
        }

        public async IAsyncEnumerable<PriceTick> FromSourceAsync(string symbol)
        {
            await foreach (var tick in _source.StreamAsync(symbol))
            {
                yield return tick;
            }
        }

        public IAsyncEnumerable<PriceTick> Passthrough(string symbol) => _source.StreamAsync(symbol);

        public async Task<List<PriceTick>> CollectAsync(string symbol, CancellationToken ct)
        {
            var list = new List<PriceTick>();
            await foreach (var tick in TicksAsync(symbol, ct))
            {
                list.Add(tick);
            }
            return list;
        }

        public async IAsyncEnumerable<PriceTick> TwoTokensAsync(CancellationToken first, [EnumeratorCancellation] CancellationToken second)
        {
            yield return await _source.NextAsync("X", second);
        }
    }

    public sealed class HistoryReader
    {
        private readonly FeedDbContext _db;

        public HistoryReader(FeedDbContext db) => _db = db;

        public async IAsyncEnumerable<PriceTick> HistoryAsync(string symbol) // want ASY021
        {
            var ticks = await _db.Ticks.AsNoTracking().ToListAsync();
            foreach (var tick in ticks)
            {
                yield return tick;
            }
        }

        public async IAsyncEnumerable<PriceTick> LocalAsync(CancellationToken outer) // want ASY021
        {
            await foreach (var t in Inner(outer))
            {
                yield return t;
            }

            async IAsyncEnumerable<PriceTick> Inner(CancellationToken token) // want ASY021
            {
                yield return await Task.FromResult(new PriceTick());
            }
        }
    }
}
