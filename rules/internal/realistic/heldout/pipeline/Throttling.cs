using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Sluice.Resilience;

public sealed record TokenBucketOptions(double TokensPerSecond, int BurstSize, TimeSpan? RefillPeriod = null);

/// <summary>
/// Token bucket used to cap the request rate against the object store (per tenant) and the
/// collector. Waiters are served strictly FIFO so a large request cannot starve behind small ones.
/// </summary>
public sealed class TokenBucketLimiter : IDisposable
{
    private readonly object _lock = new();
    private readonly Queue<Waiter> _waiters = new();
    private readonly TokenBucketOptions _options;
    private readonly Timer _refillTimer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _tokens;
    private TimeSpan _lastRefill;
    private bool _disposed;

    private sealed class Waiter
    {
        public Waiter(int permits) => Permits = permits;

        public int Permits { get; }
        public TaskCompletionSource<bool> Completion { get; } = new TaskCompletionSource<bool>(); // want ASY022
        public CancellationTokenRegistration Registration { get; set; }
    }

    public TokenBucketLimiter(TokenBucketOptions options)
    {
        if (options.BurstSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "Burst size must be positive.");
        _options = options;
        _tokens = options.BurstSize;
        var period = options.RefillPeriod ?? TimeSpan.FromMilliseconds(50);
        _refillTimer = new Timer(_ => Refill(), null, period, period);
    }

    public double AvailableTokens
    {
        get { lock (_lock) { RefillLocked(); return _tokens; } }
    }

    public bool TryAcquire(int permits = 1)
    {
        lock (_lock)
        {
            RefillLocked();
            if (_waiters.Count > 0 || _tokens < permits)
                return false;
            _tokens -= permits;
            return true;
        }
    }

    public ValueTask AcquireAsync(int permits = 1, CancellationToken cancellationToken = default)
    {
        if (permits > _options.BurstSize)
            throw new ArgumentOutOfRangeException(nameof(permits), $"Cannot acquire more than the burst size ({_options.BurstSize}).");

        lock (_lock)
        {
            if (_disposed)
                throw new ObjectDisposedException(nameof(TokenBucketLimiter));
            RefillLocked();
            if (_waiters.Count == 0 && _tokens >= permits)
            {
                _tokens -= permits;
                return ValueTask.CompletedTask;
            }

            var waiter = new Waiter(permits);
            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.Register(
                    static state => ((Waiter)state!).Completion.TrySetCanceled(),
                    waiter);
            }
            _waiters.Enqueue(waiter);
            return new ValueTask(waiter.Completion.Task);
        }
    }

    public async Task<bool> TryAcquireWithinAsync(int permits, CancellationToken cancellationToken, TimeSpan timeout) // want ASY028
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await AcquireAsync(permits, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Refill()
    {
        lock (_lock)
        {
            RefillLocked();
            while (_waiters.Count > 0)
            {
                var head = _waiters.Peek();
                if (head.Completion.Task.IsCompleted)
                {
                    _waiters.Dequeue().Registration.Dispose();
                    continue;
                }
                if (_tokens < head.Permits)
                    break;
                _tokens -= head.Permits;
                _waiters.Dequeue();
                head.Registration.Dispose();
                head.Completion.TrySetResult(true);
            }
        }
    }

    private void RefillLocked()
    {
        var now = _clock.Elapsed;
        var elapsed = (now - _lastRefill).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(_options.BurstSize, _tokens + elapsed * _options.TokensPerSecond);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _refillTimer.Dispose();
            while (_waiters.Count > 0)
            {
                var waiter = _waiters.Dequeue();
                waiter.Registration.Dispose();
                waiter.Completion.TrySetException(new ObjectDisposedException(nameof(TokenBucketLimiter)));
            }
        }
    }
}

/// <summary>Caps in-flight operations (multipart parts, compaction groups).</summary>
public sealed class ConcurrencyLimiter : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public ConcurrencyLimiter(int maxConcurrency)
    {
        MaxConcurrency = maxConcurrency;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    public int MaxConcurrency { get; }
    public int InFlight => MaxConcurrency - _slots.CurrentCount;

    /// <summary>Blocking entry for the synchronous CLI path.</summary>
    public Releaser Enter(TimeSpan timeout)
    {
        if (!_slots.Wait(timeout))
            throw new TimeoutException($"No slot became free within {timeout}.");
        return new Releaser(_slots);
    }

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_slots);
    }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        using (await EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _slots.Dispose();

    public readonly struct Releaser : IDisposable
    {
        private readonly SemaphoreSlim? _semaphore;

        internal Releaser(SemaphoreSlim semaphore) => _semaphore = semaphore;

        public void Dispose() => _semaphore?.Release();
    }
}

/// <summary>Mutual exclusion that can be held across awaits.</summary>
public sealed class AsyncLock
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Handle(_semaphore);
    }

    public bool IsHeld => _semaphore.CurrentCount == 0;

    private sealed class Handle : IDisposable
    {
        private SemaphoreSlim? _semaphore;

        public Handle(SemaphoreSlim semaphore) => _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }
}
