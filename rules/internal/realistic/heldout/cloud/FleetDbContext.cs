using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fleetwise.Data;

public enum DeviceStatus
{
    Provisioning,
    Active,
    Suspended,
    Retired,
}

public sealed class Device
{
    public Guid Id { get; set; }
    public string SerialNumber { get; set; } = string.Empty;
    public Guid FleetId { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    public string FirmwareVersion { get; set; } = "0.0.0";
    public DeviceStatus Status { get; set; } = DeviceStatus.Provisioning;
    public DateTimeOffset? LastSeenUtc { get; set; }
    public double OdometerKm { get; set; }
    public double MaxCargoTempC { get; set; } = 8.0;
}

public sealed record TelemetryReading(
    Guid DeviceId,
    DateTimeOffset RecordedAt,
    double Latitude,
    double Longitude,
    double SpeedKph,
    double OdometerKm,
    double? CargoTempC);

public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Type { get; set; } = string.Empty;
    public string Payload { get; set; } = string.Empty;
    public DateTimeOffset OccurredUtc { get; set; }
    public DateTimeOffset? DispatchedUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public sealed record FleetSummary(Guid FleetId, int ActiveDevices, int SuspendedDevices, DateTimeOffset? LastSeenUtc);

public sealed class FleetDbContext : DbContext
{
    public FleetDbContext(DbContextOptions<FleetDbContext> options)
        : base(options)
    {
    }

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Device>(b =>
        {
            b.ToTable("devices");
            b.HasKey(d => d.Id);
            b.HasIndex(d => d.SerialNumber).IsUnique();
            b.HasIndex(d => new { d.FleetId, d.Status });
            b.Property(d => d.SerialNumber).HasMaxLength(64);
            b.Property(d => d.DisplayName).HasMaxLength(80);
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.HasIndex(m => m.DispatchedUtc);
            b.Property(m => m.Type).HasMaxLength(128);
        });
    }
}

public interface IIntegrationEvent
{
    string Subject { get; }
}

public sealed record DeviceRegistered(Guid DeviceId, string SerialNumber, Guid FleetId) : IIntegrationEvent
{
    public string Subject => "device.registered";
}

public sealed record CargoTemperatureExceeded(Guid DeviceId, DateTimeOffset RecordedAt, double CargoTempC, double LimitC) : IIntegrationEvent
{
    public string Subject => "cargo.temperature-exceeded";
}

public sealed record DevicesSuspended(Guid FleetId, int Count, DateTimeOffset SuspendedAt) : IIntegrationEvent
{
    public string Subject => "fleet.devices-suspended";
}

// Adds integration events to the current unit of work. They are committed in the same
// transaction as the entity changes and published later by OutboxDispatcher.
public sealed class OutboxWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly FleetDbContext _db;

    public OutboxWriter(FleetDbContext db) => _db = db;

    public void Enqueue<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        _db.Outbox.Add(new OutboxMessage
        {
            Type = integrationEvent.Subject,
            Payload = JsonSerializer.Serialize(integrationEvent, JsonOptions),
            OccurredUtc = DateTimeOffset.UtcNow,
        });
    }
}

public interface IDeviceRepository
{
    Device? FindBySerial(string serialNumber);

    Task<Device?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Device>> ListByFleetAsync(Guid fleetId, CancellationToken cancellationToken = default);

    Task RenameAsync(Guid deviceId, string displayName, CancellationToken cancellationToken = default);

    Task<int> SuspendInactiveAsync(Guid fleetId, TimeSpan threshold, CancellationToken cancellationToken = default);

    Task<FleetSummary> GetFleetSummaryAsync(Guid fleetId, CancellationToken cancellationToken = default);
}

public sealed class DeviceRepository : IDeviceRepository
{
    private readonly FleetDbContext _db;
    private readonly ILogger<DeviceRepository> _logger;

    public DeviceRepository(FleetDbContext db, ILogger<DeviceRepository> logger)
    {
        _db = db;
        _logger = logger;
    }

    // Kept for the legacy SOAP bridge, which is synchronous end to end.
    public Device? FindBySerial(string serialNumber) =>
        _db.Devices.AsNoTracking().SingleOrDefault(d => d.SerialNumber == serialNumber);

    public Task<Device?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken = default) =>
        _db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.SerialNumber == serialNumber, cancellationToken);

    public async Task<IReadOnlyList<Device>> ListByFleetAsync(Guid fleetId, CancellationToken cancellationToken = default)
    {
        var devices = await _db.Devices
            .AsNoTracking()
            .Where(d => d.FleetId == fleetId && d.Status != DeviceStatus.Retired)
            .OrderBy(d => d.DisplayName)
            .ToListAsync(cancellationToken);

        _logger.LogDebug("Loaded {Count} devices for fleet {FleetId}", devices.Count, fleetId);
        return devices;
    }

    public async Task RenameAsync(Guid deviceId, string displayName, CancellationToken cancellationToken = default)
    {
        var device = await _db.Devices.FindAsync(new object[] { deviceId }, cancellationToken)
            ?? throw new KeyNotFoundException($"Device {deviceId} does not exist");

        device.DisplayName = displayName.Trim();
        await _db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> SuspendInactiveAsync(Guid fleetId, TimeSpan threshold, CancellationToken cancellationToken = default) // want ASY009
    {
        var cutoff = DateTimeOffset.UtcNow - threshold;
        return await _db.Devices
            .Where(d => d.FleetId == fleetId && d.Status == DeviceStatus.Active && d.LastSeenUtc < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeviceStatus.Suspended), cancellationToken);
    }

    public async Task<FleetSummary> GetFleetSummaryAsync(Guid fleetId, CancellationToken cancellationToken = default)
    {
        var active = await _db.Devices
            .CountAsync(d => d.FleetId == fleetId && d.Status == DeviceStatus.Active, cancellationToken);
        var suspended = _db.Devices.Count(d => d.FleetId == fleetId && d.Status == DeviceStatus.Suspended); // want ASY006
        var lastSeen = await _db.Devices
            .Where(d => d.FleetId == fleetId)
            .MaxAsync(d => d.LastSeenUtc, cancellationToken);

        return new FleetSummary(fleetId, active, suspended, lastSeen);
    }
}
