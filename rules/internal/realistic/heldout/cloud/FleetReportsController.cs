using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Fleetwise.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Fleetwise.Api;

public sealed record DeviceMileage(Guid DeviceId, string DisplayName, double DistanceKm, double MaxSpeedKph);

public sealed record MileageReport(Guid FleetId, DateOnly Day, IReadOnlyList<DeviceMileage> Devices, double TotalKm);

public interface IMileageCalculator
{
    Task<DeviceMileage> ComputeAsync(Device device, CancellationToken cancellationToken = default);
}

public interface IMileageCalculatorFactory
{
    IMileageCalculator ForDay(DateOnly day);
}

public interface IReportLockProvider
{
    // Distributed lease (Redis SET NX PX); disposing the handle releases it.
    Task<IDisposable> AcquireAsync(string resource, TimeSpan lease, CancellationToken cancellationToken = default);
}

public sealed class MileageReportBuilder
{
    // CPU-heavy for large fleets: outlier smoothing plus per-device ranking.
    public MileageReport Build(Guid fleetId, DateOnly day, IEnumerable<DeviceMileage> rows)
    {
        var cleaned = rows
            .Where(r => r.DistanceKm >= 0 && r.MaxSpeedKph < 250)
            .OrderByDescending(r => r.DistanceKm)
            .ThenBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new MileageReport(fleetId, day, cleaned, Math.Round(cleaned.Sum(r => r.DistanceKm), 1));
    }
}

public sealed class MileageReportCache
{
    private readonly IMemoryCache _memory;

    public MileageReportCache(IMemoryCache memory) => _memory = memory;

    private static string Key(Guid fleetId, DateOnly day) => $"mileage:{fleetId:N}:{day:yyyyMMdd}";

    public Task<MileageReport?> TryGetAsync(Guid fleetId, DateOnly day)
    {
        if (!_memory.TryGetValue(Key(fleetId, day), out MileageReport? report))
        {
            return null; // want ASY014
        }

        return Task.FromResult<MileageReport?>(report);
    }

    public void Store(MileageReport report) => _memory.Set(Key(report.FleetId, report.Day), report, TimeSpan.FromMinutes(15));

    public void Evict(Guid fleetId, DateOnly day) => _memory.Remove(Key(fleetId, day));
}

[ApiController]
[Route("api/v1/fleets/{fleetId:guid}/reports")]
public sealed class FleetReportsController : ControllerBase
{
    private readonly IDeviceRepository _devices;
    private readonly IMileageCalculatorFactory _calculators;
    private readonly MileageReportBuilder _builder;
    private readonly MileageReportCache _cache;
    private readonly IReportLockProvider _locks;

    public FleetReportsController(
        IDeviceRepository devices,
        IMileageCalculatorFactory calculators,
        MileageReportBuilder builder,
        MileageReportCache cache,
        IReportLockProvider locks)
    {
        _devices = devices;
        _calculators = calculators;
        _builder = builder;
        _cache = cache;
        _locks = locks;
    }

    [HttpGet("summary")]
    public async Task<ActionResult<FleetSummary>> GetSummary(Guid fleetId, CancellationToken cancellationToken)
    {
        var summary = await _devices.GetFleetSummaryAsync(fleetId, cancellationToken);
        if (summary.ActiveDevices == 0 && summary.SuspendedDevices == 0)
        {
            return NotFound();
        }

        return Ok(summary);
    }

    [HttpGet("summary.csv")]
    public async Task<IActionResult> GetSummaryCsv(Guid fleetId, CancellationToken cancellationToken)
    {
        ActionResult<FleetSummary> result = await GetSummary(fleetId, cancellationToken);
        if (result.Result is not OkObjectResult { Value: FleetSummary summary })
        {
            return result.Result ?? NotFound();
        }

        var csv = new StringBuilder("fleet_id,active,suspended,last_seen_utc\n")
            .Append(summary.FleetId).Append(',')
            .Append(summary.ActiveDevices).Append(',')
            .Append(summary.SuspendedDevices).Append(',')
            .Append(summary.LastSeenUtc?.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"fleet-{fleetId:N}-summary.csv");
    }

    [HttpGet("mileage/{day}")]
    public async Task<ActionResult<MileageReport>> GetMileage(Guid fleetId, DateOnly day, CancellationToken cancellationToken)
    {
        var cached = await _cache.TryGetAsync(fleetId, day);
        if (cached is not null)
        {
            return cached;
        }

        var devices = await _devices.ListByFleetAsync(fleetId, cancellationToken);
        if (devices.Count == 0)
        {
            return NotFound();
        }

        var calculator = _calculators.ForDay(day);
        var rows = new List<DeviceMileage>(devices.Count);
        foreach (var device in devices)
        {
            rows.Add(await calculator.ComputeAsync(device, cancellationToken)); // want ASY010
        }

        var report = await Task.Run(() => _builder.Build(fleetId, day, rows), cancellationToken); // want ASY025
        _cache.Store(report);
        return report;
    }

    [HttpPost("mileage/{day}/rebuild")]
    public async Task<IActionResult> RebuildMileage(Guid fleetId, DateOnly day, CancellationToken cancellationToken)
    {
        using (_locks.AcquireAsync($"mileage:{fleetId:N}:{day:yyyyMMdd}", TimeSpan.FromMinutes(2), cancellationToken)) // want ASY034
        {
            _cache.Evict(fleetId, day);
            var devices = await _devices.ListByFleetAsync(fleetId, cancellationToken);
            var calculator = _calculators.ForDay(day);
            var computations = devices.Select(d => calculator.ComputeAsync(d, cancellationToken)).ToList();
            var rows = await Task.WhenAll(computations);
            _cache.Store(_builder.Build(fleetId, day, rows));
        }

        return AcceptedAtAction(nameof(GetMileage), new { fleetId, day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, null);
    }
}

public static class FleetAdminEndpoints
{
    public static IEndpointRouteBuilder MapFleetAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/fleets/{fleetId:guid}").RequireAuthorization("fleet-admin");
        group.MapPost("/suspend-inactive", SuspendInactiveAsync);
        group.MapGet("/devices", ListDevicesAsync);
        return app;
    }

    private static async Task<IResult> SuspendInactiveAsync(
        Guid fleetId,
        int? days,
        IDeviceRepository devices,
        FleetDbContext db,
        OutboxWriter outbox,
        CancellationToken cancellationToken)
    {
        var threshold = TimeSpan.FromDays(days is > 0 ? days.Value : 30);
        var suspended = await devices.SuspendInactiveAsync(fleetId, threshold, cancellationToken);
        if (suspended > 0)
        {
            outbox.Enqueue(new DevicesSuspended(fleetId, suspended, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Results.Ok(new { fleetId, suspended });
    }

    private static async Task<IResult> ListDevicesAsync(Guid fleetId, IDeviceRepository devices, CancellationToken cancellationToken)
    {
        var list = await devices.ListByFleetAsync(fleetId, cancellationToken);
        var payload = list.Select(d => new { d.Id, d.SerialNumber, d.DisplayName, Status = d.Status.ToString(), d.LastSeenUtc });
        return Results.Ok(payload);
    }
}
