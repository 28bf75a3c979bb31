using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

public interface IPriceCache
{
    // Backed by pooled buffers: each ValueTask may be consumed exactly once.
    ValueTask<decimal?> TryGetAsync(string sku, CancellationToken ct);
    ValueTask SetAsync(string sku, decimal price, CancellationToken ct);
}

public interface IPriceSource
{
    Task<decimal> LoadPriceAsync(string sku, CancellationToken ct);

    // ASY028: `ct` is not last: `currency` was appended later, and
    // callers now have to remember a different order for this method.
    Task<decimal> ConvertAsync(decimal amount, CancellationToken ct, string currency);
}

public class PricingService
{
    private readonly IPriceCache _cache;
    private readonly IPriceSource _source;
    private readonly ILogger<PricingService> _log;

    public PricingService(IPriceCache cache, IPriceSource source, ILogger<PricingService> log)
    {
        _cache = cache;
        _source = source;
        _log = log;
    }

    // ASY019: the cached ValueTask is awaited twice. Once it has completed,
    // its pooled source may already serve another lookup, so the second
    // await can return another product's price or throw.
    public async Task<decimal> GetPriceAsync(string sku, CancellationToken ct)
    {
        var cached = _cache.TryGetAsync(sku, ct);
        if (await cached == null)
        {
            _log.LogDebug("Price cache miss for {Sku}", sku);
            var price = await _source.LoadPriceAsync(sku, ct);
            await _cache.SetAsync(sku, price, ct);
            return price;
        }
        return (await cached).Value;
    }

    // Fine: the ValueTask is awaited once and its result kept.
    public async Task<decimal> GetPriceOnceAsync(string sku, CancellationToken ct)
    {
        var cached = await _cache.TryGetAsync(sku, ct);
        if (cached is decimal hit)
        {
            return hit;
        }
        var price = await _source.LoadPriceAsync(sku, ct);
        await _cache.SetAsync(sku, price, ct);
        return price;
    }
}
