using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Shop.Data;
using Shop.Domain;

namespace Shop.Services.Export;

public sealed class CustomerExportService
{
    private readonly ShopDbContext _db;
    private readonly string _exportRoot;

    public CustomerExportService(ShopDbContext db, string exportRoot)
    {
        _db = db;
        _exportRoot = exportRoot;
    }

    public async Task<string> ExportZipAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_exportRoot, $"customers-{since:yyyyMMdd}.zip");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        var entry = zip.CreateEntry("customers.csv", CompressionLevel.Optimal);
        await using var entryStream = entry.Open();
        await using var writer = new StreamWriter(entryStream, new UTF8Encoding(false));
        await writer.WriteLineAsync("id,email,display_name,last_order");

        await foreach (var customer in _db.Customers.AsNoTracking()
            .Where(c => c.LastOrderAt >= since)
            .OrderBy(c => c.Id)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(",",
                customer.Id.ToString(CultureInfo.InvariantCulture),
                Escape(customer.Email),
                Escape(customer.DisplayName),
                customer.LastOrderAt?.ToString("O", CultureInfo.InvariantCulture) ?? ""));
        }

        return path;
    }

    public async Task<IReadOnlyList<string>> ListExportsAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        return Directory.EnumerateFiles(_exportRoot, "customers-*.zip")
            .Select(Path.GetFileName)
            .Where(n => n is not null)
            .Select(n => n!)
            .OrderDescending()
            .ToList();
    }

    public Task<Stream> OpenExportAsync(string fileName, CancellationToken cancellationToken)
    {
        if (fileName.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(fileName))
        {
            return Task.FromException<Stream>(new ArgumentException("Invalid export name.", nameof(fileName)));
        }

        Stream stream = new FileStream(Path.Combine(_exportRoot, fileName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Task.FromResult(stream);
    }

    public async Task<int> CopyExportAsync(string fileName, Stream destination, CancellationToken cancellationToken)
    {
        await using var source = await OpenExportAsync(fileName, cancellationToken);
        var buffer = new byte[81920];
        var total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0) // want ASY006
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }

    public Task DeleteOldExportsAsync(TimeSpan maxAge)
    {
        var cutoff = DateTime.UtcNow - maxAge;
        foreach (var file in Directory.EnumerateFiles(_exportRoot, "customers-*.zip"))
        {
            if (File.GetCreationTimeUtc(file) < cutoff)
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }

    private static string Escape(string value)
        => value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
