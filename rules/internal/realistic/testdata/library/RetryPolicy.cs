using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Resilience;

public sealed class RetryPolicy
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly Func<Exception, bool> _isTransient;
    private readonly Random _jitter = new();

    public RetryPolicy(int maxAttempts, TimeSpan baseDelay, Func<Exception, bool>? isTransient = null)
    {
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts));
        }

        _maxAttempts = maxAttempts;
        _baseDelay = baseDelay;
        _isTransient = isTransient ?? (_ => true);
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < _maxAttempts && _isTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(NextDelay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task ExecuteAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default) // want ASY009
    {
        await ExecuteAsync<object?>(async ct =>
        {
            await action(ct).ConfigureAwait(false);
            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public T Execute<T>(Func<T> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (attempt < _maxAttempts && _isTransient(ex))
            {
                Thread.Sleep(NextDelay(attempt));
            }
        }
    }

    private TimeSpan NextDelay(int attempt)
    {
        double jitter;
        lock (_jitter)
        {
            jitter = _jitter.NextDouble() * 0.2 + 0.9;
        }

        return TimeSpan.FromMilliseconds(_baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * jitter);
    }
}

public static class TaskTimeoutExtensions
{
    public static async Task<T> WithTimeout<T>(this Task<T> task, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, cts.Token);
        var finished = await Task.WhenAny(task, delay).ConfigureAwait(false);
        if (finished == delay)
        {
            throw new TimeoutException($"The operation did not complete within {timeout}.");
        }

        cts.Cancel();
        return await task.ConfigureAwait(false);
    }

    public static void Forget(this Task task, Action<Exception> onError)
    {
        task.ContinueWith(t => onError(t.Exception!.GetBaseException()), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
