using Freightly.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Freightly.Infrastructure.Persistence;

public sealed record BookingSearch(
    string? OriginCode,
    string? DestinationCode,
    BookingStatus? Status,
    int Page = 1,
    int PageSize = 50);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed class DuplicateBookingException(string reference)
    : Exception($"A booking with reference '{reference}' already exists.")
{
    public string Reference { get; } = reference;
}

public interface IBookingRepository
{
    Task<Booking?> FindAsync(Guid id, CancellationToken ct = default);
    Booking? Find(Guid id);
    Task<Booking?> FindByReferenceAsync(string reference, CancellationToken ct = default);
    Task<PagedResult<Booking>> SearchAsync(BookingSearch search, CancellationToken ct = default);
    Task AddAsync(Booking booking, CancellationToken ct = default);
    Task<bool> CancelAsync(Guid id, string reason, CancellationToken ct = default);
    Task<int> ReassignCarrierAsync(IReadOnlyCollection<Guid> bookingIds, string carrierCode, CancellationToken ct = default);
    Task<int> PurgeDraftsOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct = default);
    Task<IReadOnlyList<Booking>> GetDueForPickupAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
    Task SaveAsync(CancellationToken ct = default);
}

public sealed class BookingRepository : IBookingRepository
{
    private readonly FreightlyDbContext _db;
    private readonly IDbContextFactory<FreightlyDbContext> _factory;
    private readonly ILogger<BookingRepository> _logger;

    public BookingRepository(
        FreightlyDbContext db,
        IDbContextFactory<FreightlyDbContext> factory,
        ILogger<BookingRepository> logger)
    {
        _db = db;
        _factory = factory;
        _logger = logger;
    }

    public Task<Booking?> FindAsync(Guid id, CancellationToken ct = default) =>
        _db.Bookings
            .Include(b => b.Lines)
            .Include(b => b.Events)
            .FirstOrDefaultAsync(b => b.Id == id, ct);

    // The thermal-printer bridge is synchronous end to end, so it gets a sync lookup.
    public Booking? Find(Guid id) =>
        _db.Bookings.Include(b => b.Lines).FirstOrDefault(b => b.Id == id);

    public async Task<Booking?> FindByReferenceAsync(string reference, CancellationToken ct = default) // want ASY009
    {
        var normalized = reference.Trim().ToUpperInvariant();
        return await _db.Bookings
            .Include(b => b.Lines)
            .SingleOrDefaultAsync(b => b.Reference == normalized, ct);
    }

    public async Task<PagedResult<Booking>> SearchAsync(BookingSearch search, CancellationToken ct = default)
    {
        IQueryable<Booking> query = _db.Bookings.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(search.OriginCode))
            query = query.Where(b => b.OriginCode == search.OriginCode);
        if (!string.IsNullOrWhiteSpace(search.DestinationCode))
            query = query.Where(b => b.DestinationCode == search.DestinationCode);
        if (search.Status is { } status)
            query = query.Where(b => b.Status == status);

        var total = query.Count(); // want ASY006
        var items = await query
            .OrderByDescending(b => b.CreatedAt)
            .Skip((search.Page - 1) * search.PageSize)
            .Take(search.PageSize)
            .Include(b => b.Lines)
            .ToListAsync(ct);

        return new PagedResult<Booking>(items, total, search.Page, search.PageSize);
    }

    public async Task AddAsync(Booking booking, CancellationToken ct = default)
    {
        if (await _db.Bookings.AnyAsync(b => b.Reference == booking.Reference, ct))
            throw new DuplicateBookingException(booking.Reference);

        _db.Bookings.Add(booking);
        await _db.SaveChangesAsync(); // want ASY012
    }

    public async Task<bool> CancelAsync(Guid id, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        var booking = await _db.Bookings
            .Include(b => b.Events)
            .FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null || booking.Status is BookingStatus.Delivered or BookingStatus.Cancelled)
            return false;

        booking.Status = BookingStatus.Cancelled;
        booking.Events.Add(new TrackingEvent
        {
            BookingId = booking.Id,
            Code = "CANCELLED",
            Location = booking.OriginCode,
            OccurredAt = DateTimeOffset.UtcNow,
            Notes = reason,
        });

        try
        {
            await _db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            _logger.LogWarning(ex, "Concurrent update while cancelling booking {BookingId}", id);
            return false;
        }
    }

    public async Task<int> ReassignCarrierAsync(IReadOnlyCollection<Guid> bookingIds, string carrierCode, CancellationToken ct = default) // want ASY009
    {
        var bookings = _db.Bookings.Where(b => bookingIds.Contains(b.Id)).ToList(); // want ASY006
        foreach (var booking in bookings)
        {
            booking.CarrierCode = carrierCode;
            booking.Events.Add(new TrackingEvent
            {
                BookingId = booking.Id,
                Code = "CARRIER_CHANGED",
                Location = booking.OriginCode,
                OccurredAt = DateTimeOffset.UtcNow,
                Notes = carrierCode,
            });
        }

        return await _db.SaveChangesAsync(ct);
    }

    public Task<int> PurgeDraftsOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        // Separate context so a long purge does not hold the request-scoped one.
        using var db = _factory.CreateDbContext();
        return db.Bookings // want ASY017
            .Where(b => b.Status == BookingStatus.Draft && b.CreatedAt < cutoff)
            .ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlyList<Booking>> GetDueForPickupAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var due = await _db.Bookings
            .Where(b => b.Status == BookingStatus.Confirmed
                        && b.PickupWindowStart >= from
                        && b.PickupWindowStart < to
                        && !b.Lines.Any(l => l.IsHazardous))
            .Include(b => b.Lines)
            .ToListAsync(ct);

        // Hazardous loads are dispatched by hand; surface the count for the ops dashboard.
        var hazardous = await _db.Bookings.CountAsync(
            b => b.Status == BookingStatus.Confirmed
                 && b.PickupWindowStart >= from
                 && b.PickupWindowStart < to
                 && b.Lines.Any(l => l.IsHazardous),
            ct);
        if (hazardous > 0)
            _logger.LogInformation("{Count} hazardous pickups need manual dispatch between {From} and {To}", hazardous, from, to);

        return due.OrderBy(b => b.PickupWindowStart).ThenBy(b => b.Reference).ToList();
    }

    public Task SaveAsync(CancellationToken ct = default) => _db.SaveChangesAsync(ct);
}
