using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Services;

public sealed class ReportGenerator : IReportGenerator
{
    private readonly ShopDbContext _db;
    private readonly string _archiveDirectory;

    public ReportGenerator(ShopDbContext db, string archiveDirectory)
    {
        _db = db;
        _archiveDirectory = archiveDirectory;
    }

    public string BuildDailyCsv(DateTime day)
    {
        var rows = _db.Orders
            .Where(o => o.PlacedAt >= day && o.PlacedAt < day.AddDays(1))
            .Select(o => new { o.Id, o.CustomerId, o.Status })
            .ToList();

        var sb = new StringBuilder("id,customer,status\n");
        foreach (var row in rows)
        {
            sb.Append(row.Id).Append(',').Append(row.CustomerId).Append(',').Append(row.Status).Append('\n');
        }

        return sb.ToString();
    }

    public async Task<string> BuildDailyCsvAsync(DateTime day, CancellationToken cancellationToken = default)
    {
        var rows = await _db.Orders
            .Where(o => o.PlacedAt >= day && o.PlacedAt < day.AddDays(1))
            .Select(o => new { o.Id, o.CustomerId, o.Status })
            .ToListAsync(cancellationToken);

        var sb = new StringBuilder("id,customer,status\n");
        foreach (var row in rows)
        {
            sb.Append(row.Id).Append(',').Append(row.CustomerId).Append(',').Append(row.Status).Append('\n');
        }

        return sb.ToString();
    }

    public async Task ArchiveAsync(DateTime day, CancellationToken cancellationToken)
    {
        var csv = await BuildDailyCsvAsync(day, cancellationToken);
        var path = Path.Combine(_archiveDirectory, $"orders-{day:yyyy-MM-dd}.csv");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true); // want ASY020
        using var writer = new StreamWriter(stream, Encoding.UTF8); // want ASY020
        await writer.WriteAsync(csv);
        await writer.FlushAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReadArchiveAsync(DateTime day, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_archiveDirectory, $"orders-{day:yyyy-MM-dd}.csv");
        if (!File.Exists(path))
        {
            return Array.Empty<string>();
        }

        var lines = new List<string>();
        await using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream);
        while (!reader.EndOfStream) // want ASY032
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (!string.IsNullOrEmpty(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    public async Task<decimal> SumArchivedTotalsAsync(DateTime day, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_archiveDirectory, $"totals-{day:yyyy-MM-dd}.txt");
        var text = File.ReadAllText(path); // want ASY006
        await Task.Yield();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Sum(l => decimal.Parse(l, CultureInfo.InvariantCulture));
    }

    public async Task WriteSummaryAsync(string path, IReadOnlyDictionary<string, decimal> totals, CancellationToken cancellationToken) // want ASY009
    {
        var lines = totals.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value.ToString(CultureInfo.InvariantCulture)}");
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    public async Task<int> CountArchivesAsync(CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(_archiveDirectory, "orders-*.csv");
        var count = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(file);
            if (info.Length > 0)
            {
                count++;
            }
        }

        await Task.CompletedTask;
        return count;
    }
}
