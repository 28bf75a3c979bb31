using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

/// <summary>
/// Coalesces reservation requests per SKU and completes the waiting callers
/// when the warehouse acknowledges them over the message bus.
/// </summary>
public sealed class InventoryReservations
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ReservationAck>> _pending = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _skuReady = new();
    private readonly IWarehouseBus _bus;
    private readonly ILogger<InventoryReservations> _logger;

    public InventoryReservations(IWarehouseBus bus, ILogger<InventoryReservations> logger)
    {
        _bus = bus;
        _logger = logger;
        _bus.AckReceived += OnAckReceived;
    }

    public async Task<ReservationAck> ReserveAsync(string sku, int quantity, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid();
        var completion = new TaskCompletionSource<ReservationAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = completion;

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        using var registration = timeoutCts.Token.Register(() => completion.TrySetCanceled());

        try
        {
            await _bus.PublishReservationAsync(requestId, sku, quantity, cancellationToken);
            return await completion.Task;
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    public Task WaitUntilRestockedAsync(string sku)
    {
        var ready = _skuReady.GetOrAdd(sku, _ => new TaskCompletionSource<bool>()); // want ASY022
        return ready.Task;
    }

    public Task<bool> WaitForAuditAsync()
    {
        var audit = new TaskCompletionSource<bool>(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY031 ASY022
        _bus.RequestAudit(() => audit.TrySetResult(true));
        return audit.Task;
    }

    public void MarkRestocked(string sku)
    {
        if (_skuReady.TryRemove(sku, out var ready))
        {
            ready.TrySetResult(true);
        }
    }

    private void OnAckReceived(object? sender, ReservationAckEventArgs e)
    {
        if (_pending.TryGetValue(e.Ack.RequestId, out var completion))
        {
            completion.TrySetResult(e.Ack);
        }
        else
        {
            _logger.LogDebug("Late acknowledgement for {RequestId}", e.Ack.RequestId);
        }
    }
}

public interface IWarehouseBus
{
    event EventHandler<ReservationAckEventArgs> AckReceived;
    Task PublishReservationAsync(Guid requestId, string sku, int quantity, CancellationToken cancellationToken);
    void RequestAudit(Action onDone);
}

public sealed record ReservationAck(Guid RequestId, bool Accepted, int Remaining);

public sealed class ReservationAckEventArgs : EventArgs
{
    public ReservationAckEventArgs(ReservationAck ack) => Ack = ack;

    public ReservationAck Ack { get; }
}
