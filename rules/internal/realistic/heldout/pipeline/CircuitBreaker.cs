using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Sluice.Resilience;

public enum CircuitState { Closed, Open, HalfOpen }

public sealed class CircuitStateChangedEventArgs : EventArgs
{
    public CircuitStateChangedEventArgs(string name, CircuitState from, CircuitState to, Exception? cause) =>
        (Name, From, To, Cause) = (name, from, to, cause);

    public string Name { get; }
    public CircuitState From { get; }
    public CircuitState To { get; }
    public Exception? Cause { get; }
}

public sealed class CircuitBrokenException : Exception
{
    public CircuitBrokenException(string name, TimeSpan retryAfter)
        : base($"Circuit '{name}' is open; retry after {retryAfter.TotalSeconds:F1}s.") => RetryAfter = retryAfter;

    public TimeSpan RetryAfter { get; }
}

public sealed record CircuitBreakerOptions(string Name, int FailureThreshold = 5, TimeSpan? BreakDuration = null, int HalfOpenProbes = 1);

public interface IMetricsSink
{
    Task RecordAsync(string name, double value, CancellationToken cancellationToken = default);
}

public sealed class CircuitBreaker
{
    private readonly object _sync = new();
    private readonly CircuitBreakerOptions _options;
    private readonly Func<Exception, bool> _isFailure;
    private readonly Func<DateTimeOffset> _clock;
    private CircuitState _state = CircuitState.Closed;
    private int _consecutiveFailures;
    private int _probesInFlight;
    private DateTimeOffset _openedAt;

    public CircuitBreaker(CircuitBreakerOptions options, Func<Exception, bool>? isFailure = null, Func<DateTimeOffset>? clock = null)
    {
        _options = options;
        _isFailure = isFailure ?? RetryPolicy.IsTransient;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public event EventHandler<CircuitStateChangedEventArgs>? StateChanged;

    public string Name => _options.Name;
    private TimeSpan BreakDuration => _options.BreakDuration ?? TimeSpan.FromSeconds(30);

    public CircuitState State
    {
        get
        {
            lock (_sync)
                return _state == CircuitState.Open && _clock() - _openedAt >= BreakDuration ? CircuitState.HalfOpen : _state;
        }
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) // want ASY029
            throw new OperationCanceledException(cancellationToken);

        var isProbe = Enter();
        try
        {
            var result = await action(cancellationToken).ConfigureAwait(false);
            Record(isProbe, null);
            return result;
        }
        catch (Exception ex)
        {
            Record(isProbe, _isFailure(ex) ? ex : null);
            throw;
        }
    }

    public async Task ExecuteAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var isProbe = Enter();
        try
        {
            await action(cancellationToken).ConfigureAwait(false);
            Record(isProbe, null);
        }
        catch (Exception ex)
        {
            Record(isProbe, _isFailure(ex) ? ex : null);
            throw;
        }
    }

    public T Execute<T>(Func<T> action)
    {
        var isProbe = Enter();
        T result;
        try
        {
            result = action();
        }
        catch (Exception ex)
        {
            Record(isProbe, _isFailure(ex) ? ex : null);
            throw;
        }
        Record(isProbe, null);
        return result;
    }

    /// <summary>Used by the health endpoint: probes only once the break duration has elapsed.</summary>
    public Task ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            if (_state != CircuitState.Open || _clock() - _openedAt < BreakDuration)
                return null; // want ASY014
        }
        return ExecuteAsync(probe, cancellationToken);
    }

    private bool Enter()
    {
        CircuitStateChangedEventArgs? changed = null;
        try
        {
            lock (_sync)
            {
                if (_state == CircuitState.Open && _clock() - _openedAt >= BreakDuration)
                    changed = TransitionLocked(CircuitState.HalfOpen, null);

                switch (_state)
                {
                    case CircuitState.Closed:
                        return false;
                    case CircuitState.HalfOpen when _probesInFlight < _options.HalfOpenProbes:
                        _probesInFlight++;
                        return true;
                    default:
                        throw new CircuitBrokenException(_options.Name, _openedAt + BreakDuration - _clock());
                }
            }
        }
        finally
        {
            Raise(changed);
        }
    }

    private void Record(bool isProbe, Exception? failure)
    {
        CircuitStateChangedEventArgs? changed = null;
        lock (_sync)
        {
            if (isProbe)
                _probesInFlight--;

            if (failure is null)
            {
                _consecutiveFailures = 0;
                if (_state == CircuitState.HalfOpen)
                    changed = TransitionLocked(CircuitState.Closed, null);
            }
            else if (_state == CircuitState.HalfOpen || ++_consecutiveFailures >= _options.FailureThreshold)
            {
                _openedAt = _clock();
                changed = TransitionLocked(CircuitState.Open, failure);
            }
        }
        Raise(changed);
    }

    private CircuitStateChangedEventArgs? TransitionLocked(CircuitState to, Exception? cause)
    {
        if (_state == to)
            return null;
        var args = new CircuitStateChangedEventArgs(_options.Name, _state, to, cause);
        _state = to;
        return args;
    }

    private void Raise(CircuitStateChangedEventArgs? args)
    {
        if (args is not null) StateChanged?.Invoke(this, args);
    }
}

/// <summary>Posts breaker transitions to the on-call alert webhook and the metrics backend.</summary>
public sealed class CircuitAlertPublisher : IDisposable
{
    private readonly IReadOnlyList<CircuitBreaker> _breakers;
    private readonly HttpClient _http;
    private readonly IMetricsSink _metrics;
    private readonly ILogger<CircuitAlertPublisher> _logger;

    public CircuitAlertPublisher(IEnumerable<CircuitBreaker> breakers, HttpClient http, IMetricsSink metrics, ILogger<CircuitAlertPublisher> logger)
    {
        _breakers = breakers.ToList();
        _http = http;
        _metrics = metrics;
        _logger = logger;
        foreach (var breaker in _breakers)
        {
            breaker.StateChanged += OnStateChanged;
            breaker.StateChanged += OnStateChangedMetrics;
        }
    }

    private async void OnStateChanged(object? sender, CircuitStateChangedEventArgs e) // want ASY018
    {
        if (e.To == CircuitState.HalfOpen)
            return;
        var payload = new { breaker = e.Name, from = e.From.ToString(), to = e.To.ToString(), cause = e.Cause?.Message, at = DateTimeOffset.UtcNow };
        using var response = await _http.PostAsJsonAsync("alerts/circuit", payload);
        response.EnsureSuccessStatusCode();
    }

    private async void OnStateChangedMetrics(object? sender, CircuitStateChangedEventArgs e)
    {
        try
        {
            await _metrics.RecordAsync($"sluice.circuit.{e.Name}.state", (int)e.To);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not record circuit state for {Breaker}", e.Name);
        }
    }

    public void Dispose()
    {
        foreach (var breaker in _breakers)
            breaker.StateChanged -= OnStateChanged;
        foreach (var breaker in _breakers)
            breaker.StateChanged -= OnStateChangedMetrics;
    }
}
