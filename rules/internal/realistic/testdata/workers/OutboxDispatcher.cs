using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Data;

namespace Shop.Workers;

public sealed class OutboxDispatcher : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IMessagePublisher _publisher;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(IServiceScopeFactory scopes, IMessagePublisher publisher, ILogger<OutboxDispatcher> logger)
    {
        _scopes = scopes;
        _publisher = publisher;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Outbox dispatcher starting");
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Task.Run keeps a synchronous stretch of the pump from delaying host startup.
        return Task.Run(() => PumpAsync(stoppingToken), stoppingToken);
    }

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = await DispatchBatchAsync(50, stoppingToken);
            if (dispatched == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var batch = await db.Outbox
            .Where(m => m.ProcessedAt == null && m.Attempts < 5)
            .OrderBy(m => m.CreatedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            try
            {
                await _publisher.PublishAsync(message.Type, message.Payload, cancellationToken);
                message.ProcessedAt = DateTimeOffset.UtcNow;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                _logger.LogWarning(ex, "Outbox message {Id} failed", message.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return batch.Count;
    }
}

public interface IMessagePublisher
{
    Task PublishAsync(string type, string payload, CancellationToken cancellationToken);
}
