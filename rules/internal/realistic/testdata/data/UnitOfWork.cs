using System;
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Shop.Data;

public sealed class UnitOfWork
{
    private readonly ShopDbContext _db;
    private readonly ILogger<UnitOfWork> _logger;

    public UnitOfWork(ShopDbContext db, ILogger<UnitOfWork> logger)
    {
        _db = db;
        _logger = logger;
    }

    public async Task<T> ExecuteAsync<T>(Func<ShopDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) // want ASY009
    {
        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            try
            {
                var result = await work(_db, ct);
                await _db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
        }, cancellationToken);
    }

    public async Task TransferStockAsync(string fromSku, string toSku, int quantity, CancellationToken cancellationToken)
    {
        using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken); // want ASY020
        var from = await _db.StockItems.SingleAsync(s => s.Sku == fromSku, cancellationToken);
        var to = await _db.StockItems.SingleAsync(s => s.Sku == toSku, cancellationToken);
        if (from.Available < quantity)
        {
            throw new InvalidOperationException($"Only {from.Available} of {fromSku} available");
        }

        from.Available -= quantity;
        to.Available += quantity;
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<int> PurgeProcessedOutboxAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        using (var scope = _logger.BeginScope("purge {OlderThan}", olderThan))
        {
            return _db.Outbox
                .Where(m => m.ProcessedAt != null && m.ProcessedAt < olderThan)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    public Task<int> SaveWithRetryAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _db.SaveChangesAsync(cancellationToken); // want ASY017
        }
        catch (DbUpdateConcurrencyException ex)
        {
            _logger.LogWarning(ex, "Concurrency conflict while saving");
            throw;
        }
    }

    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Applying migrations");
        return _db.Database.MigrateAsync(cancellationToken);
    }
}
