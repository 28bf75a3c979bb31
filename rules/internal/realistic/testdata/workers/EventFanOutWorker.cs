using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Workers;

public sealed record DomainEvent(string Type, string Key, DateTimeOffset At, string Payload);

public interface IEventHandler
{
    string Handles { get; }
    ValueTask HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken);
}

public sealed class EventFanOutWorker : BackgroundService
{
    private readonly Channel<DomainEvent> _events;
    private readonly ILookup<string, IEventHandler> _handlers;
    private readonly ILogger<EventFanOutWorker> _logger;

    public EventFanOutWorker(Channel<DomainEvent> events, IEnumerable<IEventHandler> handlers, ILogger<EventFanOutWorker> logger)
    {
        _events = events;
        _handlers = handlers.ToLookup(h => h.Handles);
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _events.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (reader.TryRead(out var domainEvent))
            {
                await DispatchAsync(domainEvent, stoppingToken);
            }
        }
    }

    private async Task DispatchAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers[domainEvent.Type])
        {
            try
            {
                await handler.HandleAsync(domainEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "{Handler} failed for {Type} {Key}", handler.GetType().Name, domainEvent.Type, domainEvent.Key);
            }
        }
    }

    public async Task<bool> TryDispatchWithinAsync(DomainEvent domainEvent, TimeSpan budget, CancellationToken cancellationToken)
    {
        var handler = _handlers[domainEvent.Type].FirstOrDefault();
        if (handler is null)
        {
            return false;
        }

        var pending = handler.HandleAsync(domainEvent, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return true;
        }

        var work = pending.AsTask();
        var finished = await Task.WhenAny(work, Task.Delay(budget, cancellationToken));
        if (finished != work)
        {
            _logger.LogWarning("{Type} handler exceeded its {Budget} budget", domainEvent.Type, budget);
            return false;
        }

        await work;
        return true;
    }

    public async Task ReplayAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events.OrderBy(e => e.At))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("Replay cancelled", cancellationToken);
            }

            var handling = _handlers[domainEvent.Type].Select(h => h.HandleAsync(domainEvent, cancellationToken).AsTask()).ToList();
            await Task.WhenAll(handling);
        }
    }

    public async Task HandleTwiceForAuditAsync(IEventHandler handler, DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var once = handler.HandleAsync(domainEvent, cancellationToken);
        await once;
        _logger.LogDebug("Handled {Key}; confirming", domainEvent.Key);
        await once; // want ASY019
    }

    public Task PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (!_events.Writer.TryWrite(domainEvent))
        {
            return _events.Writer.WriteAsync(domainEvent, cancellationToken).AsTask();
        }

        return Task.CompletedTask;
    }

    public async Task WaitForFirstHandlerAsync(Task first)
    {
        await Task.WhenAny(first); // want ASY030
        await first;
    }
}
