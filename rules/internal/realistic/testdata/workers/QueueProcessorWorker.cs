using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Services;

namespace Shop.Workers;

public sealed class QueueProcessorWorker : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IMessageQueue _queue;
    private readonly ILogger<QueueProcessorWorker> _logger;

    public QueueProcessorWorker(IServiceScopeFactory scopes, IMessageQueue queue, ILogger<QueueProcessorWorker> logger)
    {
        _scopes = scopes;
        _queue = queue;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Queue processor started");
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage? message;
            try
            {
                message = await _queue.ReceiveAsync(TimeSpan.FromSeconds(20), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (message is null)
            {
                continue;
            }

            try
            {
                await HandleAsync(message, stoppingToken);
                await _queue.CompleteAsync(message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Message {MessageId} failed (attempt {Attempt})", message.Id, message.DeliveryCount);
                await _queue.AbandonAsync(message, stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, message.DeliveryCount * 2))); // want ASY012
            }
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        switch (message.Type)
        {
            case "order-paid":
                var paid = JsonSerializer.Deserialize<OrderPaid>(message.Body)!;
                var orders = scope.ServiceProvider.GetRequiredService<IOrderService>();
                var order = await orders.GetOrderAsync(paid.OrderId, cancellationToken);
                if (order is null)
                {
                    _logger.LogWarning("Order {OrderId} not found for payment", paid.OrderId);
                    return;
                }

                break;
            case "cache-flush":
                var cache = scope.ServiceProvider.GetRequiredService<ICacheService>();
                await cache.ClearAsync(cancellationToken);
                break;
            default:
                _logger.LogWarning("Unknown message type {Type}", message.Type);
                break;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Queue processor stopping");
        await base.StopAsync(cancellationToken);
        await _queue.DisposeAsync();
    }
}

public interface IMessageQueue : IAsyncDisposable
{
    Task<QueueMessage?> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken);
    Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken);
    Task AbandonAsync(QueueMessage message, CancellationToken cancellationToken);
}

public sealed record QueueMessage(string Id, string Type, string Body, int DeliveryCount);
public sealed record OrderPaid(int OrderId, decimal Amount);
