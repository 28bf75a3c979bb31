using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Fleetwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fleetwise.Messaging;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 10;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class OutboxDispatcher : BackgroundService
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ServiceBusSender _sender;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly SemaphoreSlim _wakeUp = new(0, 1);

    public OutboxDispatcher(
        IServiceScopeFactory scopeFactory,
        ServiceBusSender sender,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger)
    {
        _scopeFactory = scopeFactory;
        _sender = sender;
        _options = options.Value;
        _logger = logger;
    }

    // Called by request handlers right after SaveChangesAsync so fresh events go out
    // without waiting for the next poll.
    public void Nudge()
    {
        if (_wakeUp.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _wakeUp.Release();
        }
        catch (SemaphoreFullException)
        {
            // another nudge won the race; nothing to do
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = _scopeFactory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
            if (!db.Database.CanConnectAsync(cancellationToken).Result) // want ASY001
            {
                throw new InvalidOperationException("Outbox database is unreachable; refusing to start the dispatcher.");
            }
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Outbox dispatcher started (batch size {BatchSize})", _options.BatchSize);
        using var timer = new PeriodicTimer(_options.PollInterval);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(stoppingToken);
                if (dispatched == _options.BatchSize)
                {
                    continue; // a full batch usually means more rows are waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Outbox dispatch failed; backing off for {Backoff}", _options.ErrorBackoff);
                await Task.Delay(_options.ErrorBackoff); // want ASY012
            }

            await Task.WhenAny(timer.WaitForNextTickAsync(stoppingToken).AsTask(), _wakeUp.WaitAsync(stoppingToken)); // want ASY026
        }

        _logger.LogInformation("Outbox dispatcher stopped");
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();

        var pending = await db.Outbox
            .Where(m => m.DispatchedUtc == null && m.Attempts < _options.MaxAttempts)
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        if (pending.Count == 0)
        {
            return 0;
        }

        using ServiceBusMessageBatch batch = await _sender.CreateMessageBatchAsync(cancellationToken);
        var included = new List<OutboxMessage>(pending.Count);
        foreach (var message in pending)
        {
            if (!batch.TryAddMessage(ToServiceBusMessage(message)))
            {
                break; // batch is full; the rest goes next round
            }

            included.Add(message);
        }

        try
        {
            await _sender.SendMessagesAsync(batch, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            included.ForEach(m => m.DispatchedUtc = now);
        }
        catch (ServiceBusException ex) when (ex.IsTransient)
        {
            _logger.LogWarning(ex, "Transient Service Bus failure while dispatching {Count} outbox messages", included.Count);
            included.ForEach(m =>
            {
                m.Attempts++;
                m.LastError = ex.Message;
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return included.Count;
    }

    public async Task<int> PurgeDispatchedAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        if (retention < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "Retention must not be negative.");
        }

        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
        var cutoff = DateTimeOffset.UtcNow - retention;

        var purged = await db.Outbox
            .Where(m => m.DispatchedUtc != null && m.DispatchedUtc < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        _logger.LogInformation("Purged {Count} dispatched outbox messages older than {Cutoff:O}", purged, cutoff);
        return purged;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Outbox dispatcher stopping; closing sender");
        await base.StopAsync(cancellationToken);
        await _sender.CloseAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _wakeUp.Dispose();
        base.Dispose();
    }

    private static ServiceBusMessage ToServiceBusMessage(OutboxMessage message) =>
        new(BinaryData.FromString(message.Payload))
        {
            MessageId = message.Id.ToString(CultureInfo.InvariantCulture),
            Subject = message.Type,
            ContentType = "application/json",
            ApplicationProperties = { ["occurredUtc"] = message.OccurredUtc.ToString("O", CultureInfo.InvariantCulture) },
        };
}
