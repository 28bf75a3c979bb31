using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shop.Data;
using Shop.Domain;

namespace Shop.Services;

public sealed class OrderService : IOrderService
{
    private readonly ShopDbContext _db;
    private readonly IEmailSender _email;
    private readonly IClock _clock;
    private readonly ILogger<OrderService> _logger;

    public OrderService(ShopDbContext db, IEmailSender email, IClock clock, ILogger<OrderService> logger)
    {
        _db = db;
        _email = email;
        _clock = clock;
        _logger = logger;
    }

    public async Task<Order?> GetOrderAsync(int id, CancellationToken cancellationToken = default) // want ASY009
    {
        return await _db.Orders
            .Include(o => o.Lines)
            .AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<Order>> ListOrdersAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        return await _db.Orders
            .AsNoTracking()
            .OrderByDescending(o => o.PlacedAt)
            .Skip(Math.Max(0, page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
    }

    public async Task<Order> PlaceOrderAsync(int customerId, IReadOnlyList<OrderLine> lines, PriceQuote quote, CancellationToken cancellationToken = default)
    {
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        var order = new Order
        {
            CustomerId = customerId,
            Status = OrderStatus.Open,
            PlacedAt = _clock.UtcNow,
            Lines = lines.ToList(),
        };

        _db.Orders.Add(order);
        await _db.SaveChangesAsync(cancellationToken);

        var customer = await _db.Customers.FindAsync(new object[] { customerId }, cancellationToken);
        if (customer is not null)
        {
            customer.LastOrderAt = order.PlacedAt;
            await _db.SaveChangesAsync(cancellationToken);
            await _email.SendAsync(customer.Email, $"Order #{order.Id} received", RenderConfirmation(order), cancellationToken);
        }

        return order;
    }

    public async Task<bool> CancelOrderAsync(int id, CancellationToken cancellationToken = default)
    {
        var order = await _db.Orders.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null || order.Status is OrderStatus.Shipped or OrderStatus.Cancelled)
        {
            return false;
        }

        order.Status = OrderStatus.Cancelled;
        _db.SaveChanges(); // want ASY006
        _logger.LogInformation("Order {OrderId} cancelled", id);
        return true;
    }

    public Task<int> CountOrdersAsync(OrderStatus status, CancellationToken cancellationToken = default)
    {
        return _db.Orders.CountAsync(o => o.Status == status, cancellationToken);
    }

    public async Task<decimal> RevenueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var orders = _db.Orders // want ASY006
            .Where(o => o.PlacedAt >= from && o.PlacedAt < to && o.Status != OrderStatus.Cancelled)
            .Include(o => o.Lines)
            .ToList();
        await Task.Yield();
        return orders.Sum(o => o.Total);
    }

    public async Task<IReadOnlyList<int>> StaleOpenOrderIdsAsync(TimeSpan age, CancellationToken cancellationToken = default)
    {
        var cutoff = _clock.UtcNow - age;
        var ids = await _db.Orders
            .Where(o => o.Status == OrderStatus.Open && o.PlacedAt < cutoff)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        return ids.OrderBy(i => i).ToList();
    }

    private static string RenderConfirmation(Order order)
    {
        var rows = string.Join("", order.Lines.Select(l => $"<tr><td>{l.Sku}</td><td>{l.Quantity}</td></tr>"));
        return $"<p>Thanks for your order.</p><table>{rows}</table>";
    }
}
