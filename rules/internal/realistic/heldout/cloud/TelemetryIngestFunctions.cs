using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Fleetwise.Caching;
using Fleetwise.Data;
using Fleetwise.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fleetwise.Functions;

public sealed record TelemetryBatch(Guid DeviceId, string FirmwareVersion, List<TelemetryReading> Readings);

public sealed record DeviceRegistration(string SerialNumber, Guid FleetId, string? DisplayName, double? MaxCargoTempC);

public sealed class TelemetryIngestFunctions
{
    private const int BackfillFlushSize = 500;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly FleetDbContext _db;
    private readonly OutboxWriter _outbox;
    private readonly ITelemetryArchiveStore _archive;
    private readonly ILastKnownPositionCache _positions;
    private readonly ILogger<TelemetryIngestFunctions> _logger;

    public TelemetryIngestFunctions(
        FleetDbContext db,
        OutboxWriter outbox,
        ITelemetryArchiveStore archive,
        ILastKnownPositionCache positions,
        ILogger<TelemetryIngestFunctions> logger)
    {
        _db = db;
        _outbox = outbox;
        _archive = archive;
        _positions = positions;
        _logger = logger;
    }

    [Function("IngestTelemetryBatch")]
    public async Task IngestBatchAsync(
        [ServiceBusTrigger("telemetry-batches", Connection = "ServiceBus", AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions messageActions,
        CancellationToken cancellationToken)
    {
        var batch = message.Body.ToObjectFromJson<TelemetryBatch>(JsonOptions);
        if (batch is null || batch.Readings.Count == 0)
        {
            _logger.LogWarning("Dead-lettering empty telemetry batch {MessageId}", message.MessageId);
            await messageActions.DeadLetterMessageAsync(message, deadLetterReason: "EmptyBatch", cancellationToken: cancellationToken);
            return;
        }

        var device = await _db.Devices.FindAsync(new object[] { batch.DeviceId }, cancellationToken);
        if (device is null || device.Status == DeviceStatus.Retired)
        {
            await messageActions.DeadLetterMessageAsync(message, deadLetterReason: "UnknownDevice", cancellationToken: cancellationToken);
            return;
        }

        var ordered = batch.Readings
            .Where(r => r.RecordedAt > DateTimeOffset.UnixEpoch)
            .OrderBy(r => r.RecordedAt)
            .ToList();
        if (ordered.Count == 0)
        {
            await messageActions.CompleteMessageAsync(message, cancellationToken);
            return;
        }

        await _archive.AppendAsync(device.Id, ordered, cancellationToken);

        var latest = ordered[^1];
        await _positions.SetAsync(device.Id.ToString(), new Position(latest.Latitude, latest.Longitude, latest.RecordedAt)); // want ASY012

        device.LastSeenUtc = latest.RecordedAt;
        device.OdometerKm = Math.Max(device.OdometerKm, latest.OdometerKm);
        device.FirmwareVersion = batch.FirmwareVersion;
        if (device.Status == DeviceStatus.Suspended)
        {
            device.Status = DeviceStatus.Active;
        }

        foreach (var reading in ordered.Where(r => r.CargoTempC > device.MaxCargoTempC))
        {
            _outbox.Enqueue(new CargoTemperatureExceeded(device.Id, reading.RecordedAt, reading.CargoTempC!.Value, device.MaxCargoTempC));
        }

        _db.SaveChanges(); // want ASY006
        await messageActions.CompleteMessageAsync(message, cancellationToken);
    }

    [Function("RegisterDevice")]
    public async Task<HttpResponseData> RegisterDeviceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "devices")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        DeviceRegistration? registration;
        try
        {
            registration = await JsonSerializer.DeserializeAsync<DeviceRegistration>(request.Body, JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            _logger.LogInformation(ex, "Rejected malformed registration payload");
            registration = null;
        }

        if (registration is null || string.IsNullOrWhiteSpace(registration.SerialNumber))
        {
            var invalid = request.CreateResponse(HttpStatusCode.BadRequest);
            await invalid.WriteStringAsync("serialNumber is required", cancellationToken);
            return invalid;
        }

        var serial = registration.SerialNumber.Trim().ToUpperInvariant();
        if (await _db.Devices.AnyAsync(d => d.SerialNumber == serial, cancellationToken))
        {
            return request.CreateResponse(HttpStatusCode.Conflict);
        }

        var device = new Device
        {
            Id = Guid.NewGuid(),
            SerialNumber = serial,
            FleetId = registration.FleetId,
            DisplayName = string.IsNullOrWhiteSpace(registration.DisplayName) ? serial : registration.DisplayName.Trim(),
            MaxCargoTempC = registration.MaxCargoTempC ?? 8.0,
        };
        _db.Devices.Add(device);
        _outbox.Enqueue(new DeviceRegistered(device.Id, device.SerialNumber, device.FleetId));
        await _db.SaveChangesAsync(cancellationToken);

        var created = request.CreateResponse(HttpStatusCode.Created);
        created.Headers.Add("Location", $"/api/devices/{device.Id}");
        await created.WriteAsJsonAsync(new { device.Id, device.SerialNumber }, cancellationToken);
        return created;
    }

    [Function("ImportBackfillCsv")]
    public async Task ImportBackfillAsync(
        [BlobTrigger("backfill/{name}", Connection = "Storage")] Stream csv,
        string name,
        CancellationToken cancellationToken)
    {
        var deviceId = Guid.Parse(Path.GetFileNameWithoutExtension(name));
        var readings = new List<TelemetryReading>(BackfillFlushSize);
        var imported = 0;
        var rejected = 0;

        using var reader = new StreamReader(csv);
        var header = await reader.ReadLineAsync(cancellationToken);
        if (header is null || !header.StartsWith("recorded_at,", StringComparison.Ordinal))
        {
            _logger.LogError("Backfill file {Name} has no recognised header", name);
            return;
        }

        while (!reader.EndOfStream) // want ASY032
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParseCsvReading(deviceId, line, out var reading))
            {
                readings.Add(reading);
            }
            else
            {
                rejected++;
            }

            if (readings.Count == BackfillFlushSize)
            {
                await _archive.AppendAsync(deviceId, readings.ToArray(), cancellationToken);
                imported += readings.Count;
                readings.Clear();
            }
        }

        if (readings.Count > 0)
        {
            await _archive.AppendAsync(deviceId, readings.ToArray(), cancellationToken);
            imported += readings.Count;
        }

        _logger.LogInformation("Backfill {Name}: {Imported} rows imported, {Rejected} rejected", name, imported, rejected);
    }

    [Function("CompactArchives")]
    public async Task CompactArchivesAsync([TimerTrigger("0 15 2 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow.Date.AddDays(-1);
        var compacted = 0;

        await foreach (var segment in _archive.ListSegmentsAsync(cutoff, cancellationToken))
        {
            if (segment.IsCompacted)
            {
                continue;
            }

            await _archive.CompactAsync(segment.Name, cancellationToken);
            compacted++;
        }

        _logger.LogInformation(
            "Compacted {Count} archive segments older than {Cutoff:d}; next run at {Next}",
            compacted,
            cutoff,
            timer.ScheduleStatus?.Next);
    }

    private static bool TryParseCsvReading(Guid deviceId, string line, out TelemetryReading reading)
    {
        reading = default!;
        var cells = line.Split(',');
        if (cells.Length < 6
            || !DateTimeOffset.TryParse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var recordedAt)
            || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(cells[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var speed)
            || !double.TryParse(cells[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var odometer))
        {
            return false;
        }

        double? cargo = double.TryParse(cells[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : null;
        reading = new TelemetryReading(deviceId, recordedAt, lat, lon, speed, odometer, cargo);
        return true;
    }
}
