using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Sluice.Resilience;

public sealed record RetryOptions(
    int MaxAttempts = 5,
    TimeSpan? BaseDelay = null,
    TimeSpan? MaxDelay = null,
    double JitterFactor = 0.2);

/// <summary>Outcome of a retried operation that is allowed to fail without throwing.</summary>
public readonly record struct RetryOutcome<T>(T? Result, int Attempts, Exception? LastError)
{
    public bool Succeeded => LastError is null;
}

public sealed class RetryExhaustedException : Exception
{
    public RetryExhaustedException(int attempts, Exception inner)
        : base($"Operation failed after {attempts} attempt(s): {inner.Message}", inner) => Attempts = attempts;

    public int Attempts { get; }
}

/// <summary>
/// Exponential backoff with jitter. Shared by the object store client, the frame protocol client
/// and the compactor; both a blocking and an async surface are exposed because the CLI is synchronous.
/// </summary>
public sealed class RetryPolicy
{
    private readonly RetryOptions _options;
    private readonly Func<Exception, bool> _shouldRetry;
    private readonly ILogger? _logger;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    public RetryPolicy(RetryOptions options, Func<Exception, bool>? shouldRetry = null, ILogger? logger = null)
    {
        _options = options;
        _shouldRetry = shouldRetry ?? IsTransient;
        _logger = logger;
        _baseDelay = options.BaseDelay ?? TimeSpan.FromMilliseconds(200);
        _maxDelay = options.MaxDelay ?? TimeSpan.FromSeconds(30);
    }

    public static RetryPolicy Default { get; } = new(new RetryOptions());

    public static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: var code } => (int)code! >= 500 || (int)code == 429,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    public TimeSpan ComputeDelay(int attempt)
    {
        var exponential = _baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, _maxDelay.TotalMilliseconds);
        var jitter = capped * _options.JitterFactor * (Random.Shared.NextDouble() * 2 - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, capped + jitter));
    }

    public T Execute<T>(Func<T> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return operation();
            }
            catch (Exception ex) when (attempt < _options.MaxAttempts && _shouldRetry(ex))
            {
                OnRetry(ex, attempt);
                Thread.Sleep(ComputeDelay(attempt));
            }
        }
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < _options.MaxAttempts && _shouldRetry(ex) && !cancellationToken.IsCancellationRequested)
            {
                OnRetry(ex, attempt);
            }
            await Task.Delay(ComputeDelay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ExecuteAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default) // want ASY009
    {
        await ExecuteAsync<bool>(ct => RunAsUnitAsync(operation, ct), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> RunAsUnitAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        await operation(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<RetryOutcome<T>> TryExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            try
            {
                var value = await operation(cancellationToken).ConfigureAwait(false);
                return new RetryOutcome<T>(value, attempt, null);
            }
            catch (Exception ex) when (_shouldRetry(ex))
            {
                last = ex;
                OnRetry(ex, attempt);
            }

            if (attempt < _options.MaxAttempts)
                await Task.Delay(ComputeDelay(attempt)).ConfigureAwait(false); // want ASY012
        }
        return new RetryOutcome<T>(default, _options.MaxAttempts, last);
    }

    /// <summary>Kept for the synchronous CLI commands that only have an async operation to call.</summary>
    public T ExecuteBlocking<T>(Func<CancellationToken, Task<T>> operation) =>
        ExecuteAsync(operation, CancellationToken.None).Result; // want ASY001

    private void OnRetry(Exception ex, int attempt) =>
        _logger?.LogWarning(ex, "Transient failure on attempt {Attempt}/{Max}; retrying", attempt, _options.MaxAttempts);
}

public static class RetryOutcomeExtensions
{
    public static T GetValueOrThrow<T>(this RetryOutcome<T> outcome) =>
        outcome.Succeeded ? outcome.Result! : throw new RetryExhaustedException(outcome.Attempts, outcome.LastError!);

    public static T GetValueOrDefault<T>(this RetryOutcome<T> outcome, T fallback) =>
        outcome.Succeeded && outcome.Result is not null ? outcome.Result : fallback;
}

public static class TaskTimeoutExtensions
{
    /// <summary>Fails with <see cref="TimeoutException"/> if <paramref name="task"/> does not finish in time.</summary>
    public static async Task<T> TimeoutAfterAsync<T>(this Task<T> task, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, cts.Token);
        if (await Task.WhenAny(task, delay).ConfigureAwait(false) == delay)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"Operation did not complete within {timeout}.");
        }

        cts.Cancel();
        return await task.ConfigureAwait(false);
    }
}
