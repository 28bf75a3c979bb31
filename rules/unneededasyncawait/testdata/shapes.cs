using System;
using System.IO;
using System.Threading.Tasks;

namespace Shop.Shapes
{
    public class PriceCalculator
    {
        private readonly IPriceFeed _feed;

        public PriceCalculator(IPriceFeed feed) => _feed = feed;

        public async Task<decimal> QuoteAsync(string sku, bool live) // want ASY009
        {
            if (live)
            {
                return await _feed.LiveAsync(sku);
            }
            return await _feed.CachedAsync(sku);
        }

        public async Task<decimal> QuoteOrZeroAsync(string sku)
        {
            if (string.IsNullOrEmpty(sku))
                return 0m;
            return await _feed.CachedAsync(sku);
        }

        public async Task<int> ConstantAsync() => await Task.FromResult(42); // want ASY009

        public async Task<object> BoxedAsync() => await Task.FromResult(42);

        public async Task<int> ComputeAsync() // want ASY009
        {
            return await Task.Run(() => Checksum());
        }

        public async Task<string> ComputeTextAsync()
        {
            return await Task.Run(() => Checksum()) + "!";
        }

        public async Task<decimal> RetryAsync(string sku)
        {
            try
            {
                return await _feed.LiveAsync(sku);
            }
            catch (IOException)
            {
                return await _feed.CachedAsync(sku);
            }
        }

        private int Checksum() => 42;

        public async Task<decimal> WithRetryAsync(Func<Task<decimal>> fetch) => await fetch(); // want ASY009

        public async Task RunAsync(Func<string, Task> step) // want ASY009
        {
            await step("warm-up");
        }

        public async Task<object> RunBoxedAsync(Func<Task<decimal>> fetch) => await fetch();

        public async Task FlushAsync(Task pending) // want ASY009
        {
            // Comments are named children of the block: they must not hide the final await.
            await Task.WhenAll(pending); // flushes everything queued so far
        }

        public async Task WarmAsync() // want ASY009
        {
            var warm = _feed.WarmAsync();
            await warm;
        }

        public async Task<decimal> FirstAsync(string[] skus)
        {
            foreach (var sku in skus)
            {
                await _feed.WarmAsync();
            }
            return await _feed.CachedAsync(skus[0]);
        }
    }

    public interface IPriceFeed
    {
        Task<decimal> LiveAsync(string sku);
        Task<decimal> CachedAsync(string sku);
        Task WarmAsync();
    }
}
