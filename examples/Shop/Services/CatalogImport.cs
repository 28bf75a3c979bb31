using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Shop.Models;

namespace Shop.Services;

public record ProductRow(string Sku, string Name, decimal Price);

// Imports the suppliers' nightly price lists (one CSV line per product).
public class CatalogImport
{
    private readonly ShopDbContext _db;

    public CatalogImport(ShopDbContext db)
    {
        _db = db;
    }

    // ASY021: without [EnumeratorCancellation] on `ct`, a token handed to
    // the stream through WithCancellation(...) never reaches this loop, so
    // the file is read to the end after the consumer gave up.
    public async IAsyncEnumerable<ProductRow> ReadRowsAsync(string path, CancellationToken ct = default)
    {
        using var reader = new StreamReader(path);
        string? line;
        while ((line = await reader.ReadLineAsync(ct)) is not null)
        {
            yield return Parse(line);
        }
    }

    // Fine: the attribute merges the caller's token into `ct`.
    public async IAsyncEnumerable<ProductRow> ReadRowsCancellableAsync(
        string path, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(path);
        string? line;
        while ((line = await reader.ReadLineAsync(ct)) is not null)
        {
            yield return Parse(line);
        }
    }

    // ASY032: EndOfStream may have to fill the buffer to answer, and it
    // does so with a blocking read on the request's thread.
    public async Task<int> CountRowsAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var count = 0;
        while (!reader.EndOfStream)
        {
            await reader.ReadLineAsync(ct);
            count++;
        }
        return count;
    }

    // ASY027: the rows are enumerated without the caller's token: a
    // cancelled import still pulls every remaining row from the source.
    public async Task<int> ImportAsync(IAsyncEnumerable<ProductRow> rows, CancellationToken ct)
    {
        var imported = 0;
        await foreach (var row in rows)
        {
            _db.Products.Add(new Product { Sku = row.Sku, Name = row.Name, Price = row.Price });
            imported++;
        }
        await _db.SaveChangesAsync(ct);
        return imported;
    }

    // Fine: the token reaches the producer through WithCancellation.
    public async Task<int> ImportFileAsync(string path, CancellationToken ct)
    {
        var imported = 0;
        await foreach (var row in ReadRowsCancellableAsync(path).WithCancellation(ct))
        {
            _db.Products.Add(new Product { Sku = row.Sku, Name = row.Name, Price = row.Price });
            imported++;
        }
        await _db.SaveChangesAsync(ct);
        return imported;
    }

    private static ProductRow Parse(string line)
    {
        var cells = line.Split(',');
        return new ProductRow(cells[0], cells[1], decimal.Parse(cells[2], CultureInfo.InvariantCulture));
    }
}
