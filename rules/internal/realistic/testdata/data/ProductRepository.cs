using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

public interface IProductRepository
{
    Task<Product?> FindBySkuAsync(string sku, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Product>> SearchAsync(string term, int limit, CancellationToken cancellationToken = default);
    Task SaveAsync(Product product, CancellationToken cancellationToken = default);
    Task<bool> DeleteAsync(string sku, CancellationToken cancellationToken = default);
}

public sealed class ProductRepository : IProductRepository
{
    private readonly ShopDbContext _db;

    public ProductRepository(ShopDbContext db) => _db = db;

    public Task<Product?> FindBySkuAsync(string sku, CancellationToken cancellationToken = default)
        => _db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku, cancellationToken);

    public async Task<IReadOnlyList<Product>> SearchAsync(string term, int limit, CancellationToken cancellationToken = default)
    {
        var pattern = $"%{term.Trim()}%";
        return await _db.Products
            .AsNoTracking()
            .Where(p => !p.Discontinued && EF.Functions.Like(p.Name, pattern))
            .OrderBy(p => p.Name)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task SaveAsync(Product product, CancellationToken cancellationToken = default)
    {
        if (product.Id == 0)
        {
            await _db.Products.AddAsync(product, cancellationToken);
        }
        else
        {
            _db.Products.Update(product);
        }

        await _db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string sku, CancellationToken cancellationToken = default)
    {
        var affected = await _db.Products.Where(p => p.Sku == sku).ExecuteDeleteAsync(cancellationToken);
        return affected > 0;
    }

    public async Task<Dictionary<string, decimal>> PriceListAsync(IEnumerable<string> skus, CancellationToken cancellationToken) // want ASY009
    {
        var wanted = skus.Distinct().ToList();
        return await _db.Products
            .Where(p => wanted.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Price, cancellationToken);
    }

    public async Task<int> DiscontinueOldAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var old = await _db.Products.Where(p => p.Id < 1000).ToListAsync(cancellationToken);
        foreach (var product in old)
        {
            product.Discontinued = true;
        }

        return await _db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> AnyDiscontinuedAsync(CancellationToken cancellationToken) // want ASY007
    {
        return _db.Products.Any(p => p.Discontinued); // want ASY006
    }

    public IReadOnlyList<Product> Cheapest(int count)
    {
        return _db.Products.OrderBy(p => p.Price).Take(count).ToList();
    }
}
