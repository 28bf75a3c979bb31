// Lumen Archive SDK — retry / timeout helpers shared by the SDK, the workers and the desktop apps.
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Lumen.Archive.Sdk.Resilience;

public sealed record RetryOptions(int MaxAttempts = 4, TimeSpan? BaseDelay = null, double Jitter = 0.2)
{
    public TimeSpan Delay => BaseDelay ?? TimeSpan.FromMilliseconds(250);
}

public static class Retry
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        ArchiveException { Status: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway } => true,
        HttpRequestException { InnerException: SocketException } => true,
        IOException io when io.HResult == unchecked((int)0x80070020) => true, // sharing violation
        TimeoutException => true,
        _ => false,
    };

    public static TimeSpan Backoff(RetryOptions options, int attempt)
    {
        var exp = options.Delay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jitter = exp * options.Jitter * (Random.Shared.NextDouble() * 2 - 1);
        return TimeSpan.FromMilliseconds(Math.Min(exp + jitter, 30_000));
    }

    // Blocking flavour for the synchronous SDK surface and the WinForms import tool's worker thread.
    public static T Execute<T>(Func<T> operation, RetryOptions? options = null, Func<Exception, bool>? isTransient = null)
    {
        options ??= new RetryOptions();
        isTransient ??= IsTransient;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return operation();
            }
            catch (Exception ex) when (attempt < options.MaxAttempts && isTransient(ex))
            {
                Thread.Sleep(Backoff(options, attempt));
            }
        }
    }

    public static async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> operation,
        RetryOptions? options = null,
        Func<Exception, bool>? isTransient = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RetryOptions();
        isTransient ??= IsTransient;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < options.MaxAttempts && isTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff(options, attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static Task ExecuteAsync(Func<CancellationToken, Task> operation, RetryOptions? options = null, CancellationToken cancellationToken = default)
        => ExecuteAsync<bool>(async ct =>
        {
            await operation(ct).ConfigureAwait(false);
            return true;
        }, options, null, cancellationToken);

    // Used by the scripting host, which has no async entry point.
    public static T ExecuteBlocking<T>(Func<CancellationToken, Task<T>> operation, RetryOptions? options = null)
        => ExecuteAsync(operation, options).Result; // want ASY001

    public static async Task<bool> PollUntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan interval, CancellationToken cancellationToken, TimeSpan timeout) // want ASY028
    {
        var deadline = DateTime.UtcNow + timeout;
        using var timer = new PeriodicTimer(interval);
        do
        {
            if (await condition(cancellationToken).ConfigureAwait(false))
                return true;
        }
        while (DateTime.UtcNow < deadline && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));

        return false;
    }
}

public static class TaskTimeoutExtensions
{
    public static async Task<T> WithTimeout<T>(this Task<T> task, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, cts.Token);
        var winner = await Task.WhenAny(task, delay).ConfigureAwait(false);
        if (winner == delay)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"Operation did not complete within {timeout.TotalSeconds:F0}s");
        }

        cts.Cancel(); // stop the timer
        return await task.ConfigureAwait(false);
    }
}

public static class ArchivePipelines
{
    public static ResiliencePipeline<HttpResponseMessage> CreateHttpPipeline(ILogger logger, int maxRetries = 3) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(300),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result.StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway } => true,
                    _ => false,
                }),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception,
                        "Archive call failed (status {Status}); retry {Attempt} in {Delay}",
                        args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();

    public static async Task<HttpResponseMessage> SendWithPipelineAsync(
        this HttpClient http,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<HttpRequestMessage> requestFactory,
        CancellationToken cancellationToken = default)
    {
        // A request message can only be sent once, so the factory builds a fresh one per attempt.
        var response = await pipeline.ExecuteAsync(
            static async (state, ct) =>
            {
                using var request = state.requestFactory();
                var r = await state.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                return r;
            },
            (http, requestFactory),
            cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new ArchiveException("Archive rejected the API key", response.StatusCode);
        return response;
    }
}
