using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Threading;

/// <summary>
/// A non-reentrant async mutex: <c>using (await gate.LockAsync()) { ... }</c>.
/// </summary>
public sealed class AsyncLock
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly Task<Releaser> _completedReleaser;

    public AsyncLock()
    {
        _completedReleaser = Task.FromResult(new Releaser(this));
    }

    public Task<Releaser> LockAsync(CancellationToken cancellationToken = default)
    {
        var wait = _semaphore.WaitAsync(cancellationToken);
        if (wait.IsCompletedSuccessfully)
        {
            return _completedReleaser;
        }

        return wait.ContinueWith(
            (_, state) => new Releaser((AsyncLock)state!),
            this,
            cancellationToken,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    public Releaser Lock()
    {
        _semaphore.Wait();
        return new Releaser(this);
    }

    public readonly struct Releaser : IDisposable
    {
        private readonly AsyncLock _owner;

        internal Releaser(AsyncLock owner) => _owner = owner;

        public void Dispose() => _owner?._semaphore.Release();
    }
}

public sealed class KeyedCounter
{
    private readonly AsyncLock _gate = new();
    private int _value;

    public async Task<int> IncrementAsync(CancellationToken cancellationToken)
    {
        using (await _gate.LockAsync(cancellationToken).ConfigureAwait(false))
        {
            await Task.Yield();
            return ++_value;
        }
    }

    public async Task<int> ResetAsync()
    {
        using (_gate.LockAsync()) // want ASY034
        {
            var old = _value;
            _value = 0;
            await Task.Yield();
            return old;
        }
    }

    public int Peek()
    {
        using (_gate.Lock())
        {
            return _value;
        }
    }
}
