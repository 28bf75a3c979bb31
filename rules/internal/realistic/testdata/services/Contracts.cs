using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Shop.Domain;

namespace Shop.Services;

public interface IOrderService
{
    Task<Order?> GetOrderAsync(int id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Order>> ListOrdersAsync(int page, int pageSize, CancellationToken cancellationToken = default);
    Task<Order> PlaceOrderAsync(int customerId, IReadOnlyList<OrderLine> lines, PriceQuote quote, CancellationToken cancellationToken = default);
    Task<bool> CancelOrderAsync(int id, CancellationToken cancellationToken = default);
    Task<int> CountOrdersAsync(OrderStatus status, CancellationToken cancellationToken = default);
}

public interface IPricingService
{
    Task<PriceQuote> QuoteAsync(IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken);
}

public interface IAuditLog
{
    Task RecordAsync(string user, string action, DateTimeOffset at);
}

public interface ICacheService
{
    Task<T?> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> factory, TimeSpan ttl, CancellationToken cancellationToken = default) where T : class;
    Task ClearAsync(CancellationToken cancellationToken = default);
}

public interface IReportGenerator
{
    string BuildDailyCsv(DateTime day);
    Task<string> BuildDailyCsvAsync(DateTime day, CancellationToken cancellationToken = default);
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
