using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

public sealed class CustomerRepository
{
    private readonly ShopDbContext _db;

    public CustomerRepository(ShopDbContext db) => _db = db;

    public ValueTask<Customer?> FindAsync(int id, CancellationToken cancellationToken)
        => _db.Customers.FindAsync(new object[] { id }, cancellationToken);

    public async Task<Customer?> FindTrackedAsync(int id, CancellationToken cancellationToken)
        => await _db.Customers.FindAsync(new object[] { id }, cancellationToken);

    public async Task<Customer?> FindByEmailAsync(string email, CancellationToken cancellationToken) // want ASY009
    {
        var normalized = email.Trim().ToLowerInvariant();
        return await _db.Customers.SingleOrDefaultAsync(c => c.Email == normalized, cancellationToken);
    }

    public async Task<IReadOnlyList<Customer>> InactiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var customers = await _db.Customers
            .Where(c => c.LastOrderAt == null || c.LastOrderAt < since)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return customers;
    }

    public async Task<int> ImportAsync(IEnumerable<Customer> incoming, CancellationToken cancellationToken)
    {
        var emails = await _db.Customers.Select(c => c.Email).ToListAsync(cancellationToken);
        var known = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        var added = 0;
        foreach (var customer in incoming)
        {
            if (known.Add(customer.Email))
            {
                _db.Customers.Add(customer);
                added++;
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public async Task<Dictionary<int, Customer>> LoadManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, Customer>();
        foreach (var id in ids)
        {
            var customer = await _db.Customers.FindAsync(new object[] { id }, cancellationToken);
            if (customer is not null)
            {
                result[id] = customer;
            }
        }

        return result;
    }

    public async Task<bool> ExistsAsync(string email) // want ASY009
    {
        return await _db.Customers.AnyAsync(c => c.Email == email);
    }

    public async Task TouchAsync(int id, CancellationToken cancellationToken)
    {
        var customer = await _db.Customers.FindAsync(new object[] { id }, cancellationToken);
        if (customer is null)
        {
            return;
        }

        customer.LastOrderAt = DateTimeOffset.UtcNow;
        await _db.SaveChangesAsync(cancellationToken);
    }
}
