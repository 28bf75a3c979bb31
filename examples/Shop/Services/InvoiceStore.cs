using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Shop.Models;

namespace Shop.Services;

public interface IBlobStorage
{
    Task UploadAsync(string name, Stream content, CancellationToken ct);
    Task<Stream?> DownloadAsync(string name, CancellationToken ct);
}

// Keeps the PDF invoices of paid orders in blob storage.
public class InvoiceStore
{
    private readonly IBlobStorage _storage;
    private readonly ShopDbContext _db;

    public InvoiceStore(IBlobStorage storage, ShopDbContext db)
    {
        _storage = storage;
        _db = db;
    }

    // ASY017: `using` closes the file as soon as the task is returned,
    // while the upload is still reading from it.
    public Task UploadAsync(int orderId, string pdfPath, CancellationToken ct)
    {
        using var pdf = File.OpenRead(pdfPath);
        return _storage.UploadAsync(BlobName(orderId), pdf, ct);
    }

    // Fine: awaiting keeps the file open until the upload has finished.
    public async Task UploadAndWaitAsync(int orderId, string pdfPath, CancellationToken ct)
    {
        await using var pdf = File.OpenRead(pdfPath);
        await _storage.UploadAsync(BlobName(orderId), pdf, ct);
    }

    // ASY014: callers await the result, and awaiting null throws a
    // NullReferenceException in their code rather than here.
    public Task<Stream?> OpenAsync(int orderId, CancellationToken ct)
    {
        if (orderId <= 0)
        {
            return null;
        }
        return _storage.DownloadAsync(BlobName(orderId), ct);
    }

    // Fine: a completed task carrying null.
    public Task<Stream?> OpenIfExistsAsync(int orderId, CancellationToken ct)
    {
        if (orderId <= 0)
        {
            return Task.FromResult<Stream?>(null);
        }
        return _storage.DownloadAsync(BlobName(orderId), ct);
    }

    // ASY034: `using` disposes the task BeginTransactionAsync returns, not
    // the transaction: the status change is saved outside any transaction
    // and the transaction itself is never committed or released.
    public async Task MarkShippedAsync(int orderId, CancellationToken ct)
    {
        using var tx = _db.Database.BeginTransactionAsync(ct);
        var order = await _db.Orders.FirstAsync(o => o.Id == orderId, ct);
        order.Status = OrderStatus.Shipped;
        await _db.SaveChangesAsync(ct);
    }

    // Fine: the transaction is awaited, then committed.
    public async Task MarkPaidAsync(int orderId, CancellationToken ct)
    {
        await using var tx = await _db.Database.BeginTransactionAsync(ct);
        var order = await _db.Orders.FirstAsync(o => o.Id == orderId, ct);
        order.Status = OrderStatus.Paid;
        await _db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static string BlobName(int orderId) => $"invoices/{orderId}.pdf";
}
