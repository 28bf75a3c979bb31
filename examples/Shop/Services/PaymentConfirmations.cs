using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Services;

public record PaymentResult(string PaymentId, bool Approved);

// The payment provider confirms charges later, through a webhook. Checkout
// requests wait here until the matching webhook call arrives.
public class PaymentConfirmations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PaymentResult>> _pending = new();

    // ASY031: TaskContinuationOptions is the wrong enum here. The compiler
    // picks the constructor taking a state object, so the option is stored
    // as state and ignored: continuations still run inline (ASY022 too).
    private readonly TaskCompletionSource<bool> _webhookRegistered =
        new(TaskContinuationOptions.RunContinuationsAsynchronously);

    public Task WebhookRegistered => _webhookRegistered.Task;

    public void OnWebhookRegistered() => _webhookRegistered.TrySetResult(true);

    // ASY022: without RunContinuationsAsynchronously, TrySetResult in
    // Confirm runs the rest of the waiting checkout request inline on the
    // webhook's thread, and the webhook answers only after it.
    public async Task<PaymentResult> WaitForConfirmationAsync(string paymentId, CancellationToken ct)
    {
        var confirmation = new TaskCompletionSource<PaymentResult>();
        _pending[paymentId] = confirmation;
        try
        {
            return await confirmation.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        }
        finally
        {
            _pending.TryRemove(paymentId, out _);
        }
    }

    // Fine: the waiting request resumes on its own thread-pool thread.
    public async Task<PaymentResult> WaitForRefundAsync(string paymentId, CancellationToken ct)
    {
        var refund = new TaskCompletionSource<PaymentResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[paymentId] = refund;
        try
        {
            return await refund.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        }
        finally
        {
            _pending.TryRemove(paymentId, out _);
        }
    }

    // Called by the webhook endpoint.
    public bool Confirm(PaymentResult result) =>
        _pending.TryGetValue(result.PaymentId, out var waiting) && waiting.TrySetResult(result);
}
