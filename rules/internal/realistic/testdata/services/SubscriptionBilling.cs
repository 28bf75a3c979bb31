using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shop.Data;
using Shop.Domain;

namespace Shop.Services.Billing;

public sealed class Subscription
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public decimal MonthlyPrice { get; set; }
    public DateTimeOffset NextBillingAt { get; set; }
    public bool Active { get; set; }
}

public sealed class SubscriptionBilling
{
    private readonly BillingDbContext _db;
    private readonly PaymentGatewayClient _payments;
    private readonly IClock _clock;
    private readonly ILogger<SubscriptionBilling> _logger;

    public SubscriptionBilling(BillingDbContext db, PaymentGatewayClient payments, IClock clock, ILogger<SubscriptionBilling> logger)
    {
        _db = db;
        _payments = payments;
        _clock = clock;
        _logger = logger;
    }

    public async IAsyncEnumerable<Subscription> DueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = _clock.UtcNow;
        await foreach (var subscription in _db.Subscriptions
            .Where(s => s.Active && s.NextBillingAt <= now)
            .OrderBy(s => s.NextBillingAt)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            yield return subscription;
        }
    }

    public async Task<BillingRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var charged = 0;
        var failed = new List<int>();
        await foreach (var subscription in DueAsync(cancellationToken))
        {
            var key = $"sub-{subscription.Id}-{subscription.NextBillingAt:yyyyMM}";
            var result = await _payments.ChargeAsync(new ChargeRequest($"cust-{subscription.CustomerId}", subscription.MonthlyPrice, "EUR", key), cancellationToken);
            if (result.Ok)
            {
                subscription.NextBillingAt = subscription.NextBillingAt.AddMonths(1);
                charged++;
            }
            else
            {
                failed.Add(subscription.Id);
                _logger.LogWarning("Subscription {Id} charge declined: {Reason}", subscription.Id, result.Detail);
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        return new BillingRunSummary(charged, failed);
    }

    public async Task<decimal> ProjectedRevenueAsync(int months, CancellationToken cancellationToken)
    {
        var monthly = await _db.Subscriptions.Where(s => s.Active).SumAsync(s => s.MonthlyPrice, cancellationToken);
        return monthly * months;
    }

    public async Task<IReadOnlyList<Subscription>> ForCustomerAsync(int customerId, CancellationToken cancellationToken)
    {
        var all = await _db.Subscriptions.Where(s => s.CustomerId == customerId).ToListAsync(cancellationToken);
        return all.Where(s => s.Active).OrderBy(s => s.NextBillingAt).ToList();
    }

    public async Task<int> CountActiveAsync(CancellationToken cancellationToken)
    {
        var active = _db.Subscriptions.Count(s => s.Active); // want ASY006
        await Task.Yield();
        return active;
    }

    public async Task PauseAllAsync(IEnumerable<int> customerIds, CancellationToken cancellationToken)
    {
        var ids = customerIds.ToHashSet();
        var affected = await _db.Subscriptions
            .Where(s => ids.Contains(s.CustomerId))
            .ToListAsync(cancellationToken);
        foreach (var subscription in affected)
        {
            subscription.Active = false;
        }

        await _db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RaceCancellationAsync(int subscriptionId, TimeSpan grace, CancellationToken cancellationToken)
    {
        var cancel = CancelRemotelyAsync(subscriptionId, cancellationToken);
        var deadline = Task.Delay(grace, cancellationToken);
        if (await Task.WhenAny(cancel, deadline) == cancel)
        {
            return await cancel;
        }

        _logger.LogWarning("Remote cancellation of {Id} is slow", subscriptionId);
        return false;
    }

    private async Task<bool> CancelRemotelyAsync(int subscriptionId, CancellationToken cancellationToken)
    {
        await Task.Delay(50, cancellationToken);
        return subscriptionId > 0;
    }
}

public sealed record BillingRunSummary(int Charged, IReadOnlyList<int> Failed);

public sealed class BillingDbContext : DbContext
{
    public BillingDbContext(DbContextOptions<BillingDbContext> options)
        : base(options)
    {
    }

    public DbSet<Subscription> Subscriptions => Set<Subscription>();
}
