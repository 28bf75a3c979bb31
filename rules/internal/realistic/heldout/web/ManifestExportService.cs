using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Freightly.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Freightly.Infrastructure.Manifests;

public sealed record ManifestLine(string Reference, string Origin, string Destination, decimal WeightKg, string? HsCode, bool Hazardous);

public sealed record Manifest(string DepotCode, DateOnly Day, string CarrierCode, IReadOnlyList<ManifestLine> Lines)
{
    public decimal TotalWeightKg => Lines.Sum(l => l.WeightKg);
}

public sealed class ManifestOptions
{
    public string OutputFolder { get; set; } = "/var/freightly/manifests/out";
    public string ArchiveFolder { get; set; } = "/var/freightly/manifests/archive";
}

public interface IManifestImporter
{
    Task ImportAsync(string path, CancellationToken ct);
}

public interface IManifestPublisher
{
    Task PublishAsync(string path, CancellationToken ct = default);
    Task CompleteBatchAsync(int count, CancellationToken ct = default);
}

public sealed class ManifestExportService : IManifestImporter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly FreightlyDbContext _db;
    private readonly ManifestOptions _options;
    private readonly ILogger<ManifestExportService> _logger;

    public ManifestExportService(FreightlyDbContext db, IOptions<ManifestOptions> options, ILogger<ManifestExportService> logger)
    {
        _db = db;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<Manifest> BuildAsync(string depotCode, DateOnly day, string carrierCode, CancellationToken ct)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);

        var bookings = await _db.Bookings
            .AsNoTracking()
            .Where(b => b.OriginCode == depotCode
                        && b.CarrierCode == carrierCode
                        && b.Status == BookingStatus.Confirmed
                        && b.PickupWindowStart >= from
                        && b.PickupWindowStart < to)
            .Include(b => b.Lines)
            .ToListAsync(ct);

        var lines = bookings
            .SelectMany(b => b.Lines.Select(l =>
                new ManifestLine(b.Reference, b.OriginCode, b.DestinationCode, l.WeightKg * l.Quantity, l.HsCode, l.IsHazardous)))
            .OrderBy(l => l.Reference)
            .ToList();

        return new Manifest(depotCode, day, carrierCode, lines);
    }

    public async Task<string> ExportJsonAsync(Manifest manifest, CancellationToken ct)
    {
        var path = PathFor(manifest, "json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await JsonSerializer.SerializeAsync(file, manifest, JsonOptions, ct);
        return path;
    }

    public async Task<string> ExportCsvAsync(Manifest manifest, CancellationToken ct)
    {
        var path = PathFor(manifest, "csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        await using var writer = new StreamWriter(path, append: false, Encoding.UTF8);
        await writer.WriteLineAsync("reference,origin,destination,weight_kg,hs_code,hazardous".AsMemory(), ct);
        foreach (var line in manifest.Lines)
        {
            ct.ThrowIfCancellationRequested();
            writer.WriteLine(string.Join(',', // want ASY006
                Escape(line.Reference),
                line.Origin,
                line.Destination,
                line.WeightKg.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                Escape(line.HsCode ?? ""),
                line.Hazardous ? "Y" : "N"));
        }

        await writer.FlushAsync(ct);
        return path;
    }

    public async Task<byte[]> BuildArchiveAsync(IReadOnlyList<Manifest> manifests, CancellationToken ct)
    {
        using var buffer = new MemoryStream(); // want ASY020
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, manifests, JsonOptions, ct);
        }

        _logger.LogDebug("Archived {Count} manifests into {Bytes} bytes", manifests.Count, buffer.Length);
        return buffer.ToArray();
    }

    public async Task PublishAllAsync(IReadOnlyList<Manifest> manifests, IManifestPublisher publisher, CancellationToken ct)
    {
        var published = new ConcurrentBag<string>();
        Parallel.ForEach(manifests, async manifest => // want ASY003
        {
            var path = await ExportJsonAsync(manifest, ct);
            await publisher.PublishAsync(path, ct);
            published.Add(path);
        });

        await publisher.CompleteBatchAsync(published.Count, ct);
        _logger.LogInformation("Published {Count} of {Total} manifests", published.Count, manifests.Count);
    }

    public async Task ImportAsync(string path, CancellationToken ct)
    {
        var json = File.ReadAllText(path); // want ASY006
        var manifest = JsonSerializer.Deserialize<Manifest>(json, JsonOptions)
                       ?? throw new InvalidDataException($"Empty manifest file: {path}");

        var references = manifest.Lines.Select(l => l.Reference).Distinct().ToList();
        var bookings = await _db.Bookings
            .Where(b => references.Contains(b.Reference))
            .ToListAsync(ct);

        var now = DateTimeOffset.UtcNow;
        foreach (var booking in bookings)
        {
            booking.Events.Add(new TrackingEvent
            {
                BookingId = booking.Id,
                Code = "MANIFESTED",
                Location = manifest.DepotCode,
                OccurredAt = now,
                Notes = $"{manifest.CarrierCode} manifest {manifest.Day:yyyy-MM-dd}",
            });
        }

        await _db.SaveChangesAsync(ct);
        File.Move(path, Path.Combine(_options.ArchiveFolder, Path.GetFileName(path)), overwrite: true);
        _logger.LogInformation("Imported manifest {Path}: {Matched}/{Total} bookings matched", path, bookings.Count, references.Count);
    }

    private string PathFor(Manifest manifest, string extension) =>
        Path.Combine(_options.OutputFolder, manifest.DepotCode, $"{manifest.CarrierCode}-{manifest.Day:yyyyMMdd}.{extension}");

    private static string Escape(string value) =>
        value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
