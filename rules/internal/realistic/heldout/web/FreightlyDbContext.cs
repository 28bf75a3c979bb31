using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Freightly.Domain;

public enum BookingStatus { Draft, Confirmed, InTransit, Delivered, Cancelled }

public enum TransportMode { Road, Rail, Sea, Air }

public sealed class Booking
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public Guid CustomerId { get; set; }
    public string OriginCode { get; set; } = "";
    public string DestinationCode { get; set; } = "";
    public TransportMode Mode { get; set; }
    public BookingStatus Status { get; set; }
    public DateTimeOffset PickupWindowStart { get; set; }
    public DateTimeOffset PickupWindowEnd { get; set; }
    public string? CarrierCode { get; set; }
    public decimal? QuotedPrice { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public byte[] RowVersion { get; set; } = Array.Empty<byte>();
    public List<BookingLine> Lines { get; set; } = new();
    public List<TrackingEvent> Events { get; set; } = new();

    public decimal TotalWeightKg => Lines.Sum(l => l.WeightKg * l.Quantity);
}

public sealed class BookingLine
{
    public int Id { get; set; }
    public Guid BookingId { get; set; }
    public string Description { get; set; } = "";
    public int Quantity { get; set; }
    public decimal WeightKg { get; set; }
    public bool IsHazardous { get; set; }
    public string? HsCode { get; set; }
}

public sealed class TrackingEvent
{
    public long Id { get; set; }
    public Guid BookingId { get; set; }
    public string Code { get; set; } = "";
    public string Location { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string? Notes { get; set; }
}

public sealed class Carrier
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public TransportMode Mode { get; set; }
    public bool IsActive { get; set; } = true;
}

public sealed class DockSlot
{
    public int Id { get; set; }
    public string DepotCode { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public int Capacity { get; set; }
    public int Reserved { get; set; }
}

public interface IAuditClock
{
    DateTimeOffset UtcNow { get; }
}

public class FreightlyDbContext : DbContext
{
    private readonly IAuditClock _clock;

    public FreightlyDbContext(DbContextOptions<FreightlyDbContext> options, IAuditClock clock)
        : base(options) => _clock = clock;

    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<BookingLine> BookingLines => Set<BookingLine>();
    public DbSet<TrackingEvent> TrackingEvents => Set<TrackingEvent>();
    public DbSet<Carrier> Carriers => Set<Carrier>();
    public DbSet<DockSlot> DockSlots => Set<DockSlot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Booking>(ConfigureBooking);

        modelBuilder.Entity<BookingLine>(b =>
        {
            b.Property(l => l.Description).HasMaxLength(200);
            b.Property(l => l.WeightKg).HasPrecision(10, 2);
            b.Property(l => l.HsCode).HasMaxLength(10);
        });

        modelBuilder.Entity<TrackingEvent>(b =>
        {
            b.Property(e => e.Code).HasMaxLength(32);
            b.Property(e => e.Location).HasMaxLength(64);
            b.HasIndex(e => new { e.BookingId, e.OccurredAt });
        });

        modelBuilder.Entity<Carrier>().HasKey(c => c.Code);
        modelBuilder.Entity<DockSlot>().HasIndex(s => new { s.DepotCode, s.StartsAt });
    }

    private static void ConfigureBooking(EntityTypeBuilder<Booking> b)
    {
        b.HasIndex(x => x.Reference).IsUnique();
        b.Property(x => x.Reference).HasMaxLength(20).IsRequired();
        b.Property(x => x.OriginCode).HasMaxLength(5).IsFixedLength();
        b.Property(x => x.DestinationCode).HasMaxLength(5).IsFixedLength();
        b.Property(x => x.QuotedPrice).HasPrecision(12, 2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RowVersion).IsRowVersion();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.BookingId);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.BookingId);
        b.Ignore(x => x.TotalWeightKg);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTimestamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTimestamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampTimestamps()
    {
        var now = _clock.UtcNow;
        foreach (var entry in ChangeTracker.Entries<Booking>())
        {
            if (entry.State == EntityState.Added)
                entry.Entity.CreatedAt = now;
            else if (entry.State == EntityState.Modified)
                entry.Entity.UpdatedAt = now;
        }
    }
}

public static class FreightlySeed
{
    private static readonly string[] Depots = { "NLRTM", "DEHAM", "BEANR" };

    public static async Task SeedAsync(FreightlyDbContext db, CancellationToken ct)
    {
        if (db.Carriers.Any()) // want ASY006
            return;

        db.Carriers.AddRange(
            new Carrier { Code = "DHLF", Name = "DHL Freight", Mode = TransportMode.Road },
            new Carrier { Code = "DBSCH", Name = "DB Cargo", Mode = TransportMode.Rail },
            new Carrier { Code = "MAEU", Name = "Maersk", Mode = TransportMode.Sea });
        await db.SaveChangesAsync(ct);

        var tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1);
        var slots = Depots
            .SelectMany(depot => Enumerable.Range(6, 12).Select(hour => new DockSlot
            {
                DepotCode = depot,
                StartsAt = new DateTimeOffset(tomorrow.AddHours(hour), TimeSpan.Zero),
                Capacity = 4,
            }))
            .ToList();

        db.DockSlots.AddRange(slots);
        await db.SaveChangesAsync(ct);
    }
}
