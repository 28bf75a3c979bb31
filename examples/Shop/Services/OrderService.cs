using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shop.Models;

namespace Shop.Services;

public interface IOrderService
{
    Task<Order?> GetOrderAsync(int id, CancellationToken ct);
    Task SaveAsync(Order order, CancellationToken ct);
    Task<bool> RetryPaymentAsync(int id, CancellationToken ct);
}

public interface IEmailSender
{
    Task SendConfirmationAsync(string to, int orderId);
}

public interface IPaymentGateway
{
    bool IsConfigured { get; }
    Task<bool> ChargeAsync(Order order, CancellationToken ct);
}

public class OrderService : IOrderService
{
    private readonly ShopDbContext _db;
    private readonly IPaymentGateway _payments;
    private readonly ILogger<OrderService> _log;

    public OrderService(ShopDbContext db, IPaymentGateway payments, ILogger<OrderService> log)
    {
        _db = db;
        _payments = payments;
        _log = log;
    }

    // Fine.
    public async Task<Order?> GetOrderAsync(int id, CancellationToken ct)
    {
        return await _db.Orders.FirstOrDefaultAsync(o => o.Id == id, ct);
    }

    // Fine.
    public async Task SaveAsync(Order order, CancellationToken ct)
    {
        _db.Orders.Add(order);
        await _db.SaveChangesAsync(ct);
    }

    // ASY007: `async` with nothing to await: the method runs synchronously
    // and the compiler still builds a state machine around it.
    public async Task<bool> RetryPaymentAsync(int id, CancellationToken ct)
    {
        _log.LogInformation("Payment retry requested for order {OrderId}", id);
        return _payments.IsConfigured;
    }

    // Fine: returns the gateway's task without async/await.
    public Task<bool> ChargeAsync(Order order, CancellationToken ct)
    {
        return _payments.ChargeAsync(order, ct);
    }

    // ASY002: async void outside an event handler. The caller cannot wait
    // for it, and an exception inside it crashes the process.
    public async void WarmUpCache()
    {
        var recent = await _db.Orders.OrderByDescending(o => o.Id).Take(100).ToListAsync();
        _log.LogInformation("Cached {Count} orders", recent.Count);
    }

    // ASY003: List<T>.ForEach takes an Action, so the async lambda turns into
    // async void: ForEach returns before any mail is sent.
    public void NotifyAll(List<Order> orders, IEmailSender email)
    {
        orders.ForEach(async o => await email.SendConfirmationAsync(o.CustomerEmail, o.Id));
    }

    // Fine: the same work, awaited one by one.
    public async Task NotifyAllAsync(List<Order> orders, IEmailSender email)
    {
        foreach (var o in orders)
        {
            await email.SendConfirmationAsync(o.CustomerEmail, o.Id);
        }
    }
}
