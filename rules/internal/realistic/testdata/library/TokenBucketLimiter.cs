using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Resilience;

/// <summary>
/// A token bucket: callers wait asynchronously for a permit; a timer refills
/// the bucket and hands permits to waiters in arrival order.
/// </summary>
public sealed class TokenBucketLimiter : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<bool>> _waiters = new();
    private readonly Timer _refill;
    private readonly int _capacity;
    private int _tokens;
    private bool _disposed;

    public TokenBucketLimiter(int capacity, int tokensPerPeriod, TimeSpan period)
    {
        _capacity = capacity;
        _tokens = capacity;
        _refill = new Timer(_ => Refill(tokensPerPeriod), null, period, period);
    }

    public Task WaitAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<bool> waiter;
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.FromException(new ObjectDisposedException(nameof(TokenBucketLimiter)));
            }

            if (_tokens > 0 && _waiters.Count == 0)
            {
                _tokens--;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_tokens > 0 && _waiters.Count == 0)
            {
                _tokens--;
                return true;
            }

            return false;
        }
    }

    private void Refill(int amount)
    {
        var toRelease = new List<TaskCompletionSource<bool>>();
        lock (_gate)
        {
            _tokens = Math.Min(_capacity, _tokens + amount);
            while (_tokens > 0 && _waiters.Count > 0)
            {
                var waiter = _waiters.Dequeue();
                if (waiter.Task.IsCompleted)
                {
                    continue;
                }

                _tokens--;
                toRelease.Add(waiter);
            }
        }

        foreach (var waiter in toRelease)
        {
            waiter.TrySetResult(true);
        }
    }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        return await action(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_waiters.Count > 0)
            {
                _waiters.Dequeue().TrySetException(new ObjectDisposedException(nameof(TokenBucketLimiter)));
            }
        }

        _refill.Dispose();
    }
}
