using System.Text.Json;
using Freightly.Domain;
using Freightly.Infrastructure.Carriers;
using Freightly.Infrastructure.Persistence;
using MediatR;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Freightly.Application.Quotes;

public sealed record QuoteDto(Guid BookingId, string CarrierCode, decimal Price, string Currency, int TransitDays, DateTimeOffset ValidUntil)
{
    public static QuoteDto From(Guid bookingId, RateQuote q) =>
        new(bookingId, q.CarrierCode, q.Price, q.Currency, q.TransitDays, q.ValidUntil);
}

public sealed record GetBestQuoteQuery(Guid BookingId) : IRequest<QuoteDto?>;

public sealed record GetExpressQuoteQuery(Guid BookingId, string CarrierCode) : IRequest<QuoteDto?>;

public sealed record CompareQuotesQuery(Guid BookingId, IReadOnlyList<string> CarrierCodes) : IRequest<IReadOnlyList<QuoteDto>>;

public sealed record GetQuoteHistoryQuery(Guid BookingId, int Take = 20) : IRequest<IReadOnlyList<QuoteDto>>;

public interface ICarrierDirectory
{
    IReadOnlyList<Carrier> ListActive();
    IReadOnlyList<Carrier> Cached(TransportMode mode);
    Task RefreshAsync(CancellationToken ct = default);
}

public interface ITariffTable
{
    Task<RateQuote?> LookupAsync(RateRequest request, CancellationToken ct = default);
}

public interface IQuoteHistory
{
    Task<IReadOnlyList<QuoteDto>> ListAsync(Guid bookingId, int take, CancellationToken ct = default);
}

public interface IQuoteCache
{
    Task<QuoteDto?> GetAsync(Guid bookingId, CancellationToken ct = default);
    Task SetAsync(QuoteDto quote, TimeSpan ttl, CancellationToken ct = default);
}

public sealed class DistributedQuoteCache(IDistributedCache cache) : IQuoteCache
{
    private static string Key(Guid bookingId) => $"quote:{bookingId:N}";

    public Task<QuoteDto?> GetAsync(Guid bookingId, CancellationToken ct = default)
    {
        if (bookingId == Guid.Empty)
            return null; // want ASY014

        return GetCoreAsync(bookingId, ct);
    }

    private async Task<QuoteDto?> GetCoreAsync(Guid bookingId, CancellationToken ct)
    {
        var bytes = await cache.GetAsync(Key(bookingId), ct);
        return bytes is null ? null : JsonSerializer.Deserialize<QuoteDto>(bytes);
    }

    public Task SetAsync(QuoteDto quote, TimeSpan ttl, CancellationToken ct = default) =>
        cache.SetAsync(
            Key(quote.BookingId),
            JsonSerializer.SerializeToUtf8Bytes(quote),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl },
            ct);
}

public sealed class GetBestQuoteHandler(
    IBookingRepository bookings,
    ICarrierDirectory carriers,
    ICarrierRateClient rates,
    IQuoteCache cache,
    ILogger<GetBestQuoteHandler> logger) : IRequestHandler<GetBestQuoteQuery, QuoteDto?>
{
    private static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(10);

    public async Task<QuoteDto?> Handle(GetBestQuoteQuery query, CancellationToken ct)
    {
        var cached = await cache.GetAsync(query.BookingId, ct);
        if (cached is not null)
            return cached;

        var booking = await bookings.FindAsync(query.BookingId, ct);
        if (booking is null)
            return null;

        var refresh = carriers.RefreshAsync(ct);
        if (await Task.WhenAny(refresh, Task.Delay(TimeSpan.FromSeconds(2), ct)) != refresh) // want ASY026
            logger.LogDebug("Carrier directory refresh still running; quoting from the cached list");

        var requests = carriers.Cached(booking.Mode)
            .Select(c => new RateRequest(c.Code, booking.OriginCode, booking.DestinationCode, booking.TotalWeightKg, booking.Mode))
            .ToList();
        var quotes = await rates.GetRatesAsync(requests, ct);

        var best = quotes
            .Where(q => q.ValidUntil > DateTimeOffset.UtcNow)
            .OrderBy(q => q.Price)
            .ThenBy(q => q.TransitDays)
            .FirstOrDefault();
        if (best is null)
            return null;

        var dto = QuoteDto.From(booking.Id, best);
        await Task.WhenAll(cache.SetAsync(dto, CacheTtl, ct)); // want ASY030
        return dto;
    }
}

public sealed class GetExpressQuoteHandler(
    IBookingRepository bookings,
    ICarrierRateClient rates,
    ITariffTable tariffs) : IRequestHandler<GetExpressQuoteQuery, QuoteDto?>
{
    public async Task<QuoteDto?> Handle(GetExpressQuoteQuery query, CancellationToken ct)
    {
        var booking = await bookings.FindAsync(query.BookingId, ct);
        if (booking is null)
            return null;

        var request = new RateRequest(query.CarrierCode, booking.OriginCode, booking.DestinationCode, booking.TotalWeightKg, booking.Mode);

        // Race the live carrier API against our published tariff table; whichever answers first wins.
        var live = rates.GetRateAsync(request, ct);
        var tariff = tariffs.LookupAsync(request, ct);
        var first = await Task.WhenAny(live, tariff);
        var quote = await first;

        return quote is null ? null : QuoteDto.From(booking.Id, quote);
    }
}

public sealed class CompareQuotesHandler(
    IBookingRepository bookings,
    ICarrierRateClient rates) : IRequestHandler<CompareQuotesQuery, IReadOnlyList<QuoteDto>>
{
    public async Task<IReadOnlyList<QuoteDto>> Handle(CompareQuotesQuery query, CancellationToken ct)
    {
        var booking = await bookings.FindAsync(query.BookingId, ct)
                      ?? throw new KeyNotFoundException($"Booking {query.BookingId} not found");

        var lookups = query.CarrierCodes
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(code => rates.GetRateAsync(
                new RateRequest(code, booking.OriginCode, booking.DestinationCode, booking.TotalWeightKg, booking.Mode), ct))
            .ToList();

        var quotes = await Task.WhenAll(lookups);

        return quotes
            .Where(q => q is not null)
            .Select(q => QuoteDto.From(booking.Id, q!))
            .OrderBy(q => q.Price)
            .ToList();
    }
}

public sealed class GetQuoteHistoryHandler(IQuoteHistory history) : IRequestHandler<GetQuoteHistoryQuery, IReadOnlyList<QuoteDto>>
{
    public async Task<IReadOnlyList<QuoteDto>> Handle(GetQuoteHistoryQuery query, CancellationToken ct) // want ASY009
    {
        var take = Math.Clamp(query.Take, 1, 100);
        return await history.ListAsync(query.BookingId, take, ct);
    }
}
