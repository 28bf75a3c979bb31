using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Messaging.ServiceBus.Administration;
using Azure.Storage.Blobs;
using Fleetwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace Fleetwise.Health;

public sealed class FleetHealthOptions
{
    public TimeSpan RedisDegradedLatency { get; set; } = TimeSpan.FromMilliseconds(50);
    public long DeadLetterThreshold { get; set; } = 100;
    public TimeSpan MaxTelemetryAge { get; set; } = TimeSpan.FromMinutes(10);
    public bool MaintenanceMode { get; set; }
}

public sealed class RedisHealthCheck : IHealthCheck
{
    private readonly IConnectionMultiplexer _redis;
    private readonly FleetHealthOptions _options;

    public RedisHealthCheck(IConnectionMultiplexer redis, IOptions<FleetHealthOptions> options)
    {
        _redis = redis;
        _options = options.Value;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await _redis.GetDatabase().PingAsync();
            var data = new Dictionary<string, object> { ["latencyMs"] = latency.TotalMilliseconds };
            return latency > _options.RedisDegradedLatency
                ? HealthCheckResult.Degraded($"Redis ping {latency.TotalMilliseconds:F0} ms", data: data)
                : HealthCheckResult.Healthy("Redis reachable", data);
        }
        catch (RedisException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis unreachable", ex);
        }
    }
}

public sealed class BlobStorageHealthCheck : IHealthCheck
{
    private readonly BlobContainerClient _container;

    public BlobStorageHealthCheck(BlobServiceClient blobs) => _container = blobs.GetBlobContainerClient("telemetry");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            Response<bool> exists = await _container.ExistsAsync(cancellationToken);
            return exists.Value
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "Telemetry container is missing");
        }
        catch (RequestFailedException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Blob storage returned {ex.Status}", ex);
        }
    }
}

public sealed class ServiceBusQueueHealthCheck : IHealthCheck
{
    private readonly ServiceBusAdministrationClient _admin;
    private readonly string _queueName;
    private readonly long _deadLetterThreshold;
    private readonly AsyncRetryPolicy<Response<QueueRuntimeProperties>> _retry = Policy<Response<QueueRuntimeProperties>>
        .Handle<RequestFailedException>(ex => ex.Status >= 500)
        .WaitAndRetryAsync(2, attempt => TimeSpan.FromMilliseconds(100 * attempt));

    public ServiceBusQueueHealthCheck(ServiceBusAdministrationClient admin, string queueName, long deadLetterThreshold)
    {
        _admin = admin;
        _queueName = queueName;
        _deadLetterThreshold = deadLetterThreshold;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await _retry.ExecuteAndCaptureAsync(
            ct => _admin.GetQueueRuntimePropertiesAsync(_queueName, ct),
            cancellationToken);

        if (outcome.Outcome == OutcomeType.Failure)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Queue {_queueName} unavailable", outcome.FinalException);
        }

        QueueRuntimeProperties properties = outcome.Result.Value;
        var data = new Dictionary<string, object>
        {
            ["active"] = properties.ActiveMessageCount,
            ["deadLettered"] = properties.DeadLetterMessageCount,
            ["scheduled"] = properties.ScheduledMessageCount,
        };

        return properties.DeadLetterMessageCount > _deadLetterThreshold
            ? HealthCheckResult.Degraded($"{properties.DeadLetterMessageCount} dead-lettered messages on {_queueName}", data: data)
            : HealthCheckResult.Healthy($"{properties.ActiveMessageCount} active messages", data);
    }
}

public sealed class TelemetryFreshnessHealthCheck : IHealthCheck
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly FleetHealthOptions _options;

    public TelemetryFreshnessHealthCheck(IServiceScopeFactory scopeFactory, IOptions<FleetHealthOptions> options)
    {
        _scopeFactory = scopeFactory;
        _options = options.Value;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = _scopeFactory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();

        var newest = await db.Devices.MaxAsync(d => d.LastSeenUtc); // want ASY012
        if (newest is null)
        {
            return HealthCheckResult.Healthy("No devices have reported yet");
        }

        var age = DateTimeOffset.UtcNow - newest.Value;
        return age > _options.MaxTelemetryAge
            ? new HealthCheckResult(context.Registration.FailureStatus, $"Newest telemetry is {age.TotalMinutes:F0} minutes old")
            : HealthCheckResult.Healthy($"Newest telemetry {age.TotalSeconds:F0}s ago");
    }
}

public sealed class MaintenanceModeHealthCheck : IHealthCheck
{
    private readonly IOptionsMonitor<FleetHealthOptions> _options;

    public MaintenanceModeHealthCheck(IOptionsMonitor<FleetHealthOptions> options) => _options = options;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) // want ASY007
    {
        return _options.CurrentValue.MaintenanceMode
            ? HealthCheckResult.Degraded("Maintenance mode is on; ingestion is paused")
            : HealthCheckResult.Healthy();
    }
}

// Pushes the latest report to Redis so the ops dashboard can show every instance without polling each one.
public sealed class RedisHealthReportPublisher : IHealthCheckPublisher
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisHealthReportPublisher> _logger;

    public RedisHealthReportPublisher(IConnectionMultiplexer redis, ILogger<RedisHealthReportPublisher> logger)
    {
        _redis = redis;
        _logger = logger;
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var summary = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            entries = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };

        try
        {
            var db = _redis.GetDatabase();
            return db.StringSetAsync($"health:{Environment.MachineName}", JsonSerializer.Serialize(summary), TimeSpan.FromMinutes(2)); // want ASY017
        }
        catch (RedisException ex)
        {
            _logger.LogWarning(ex, "Could not publish health report");
            return Task.CompletedTask;
        }
    }
}

public static class FleetHealthRegistration
{
    public static IServiceCollection AddFleetHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FleetHealthOptions>(configuration.GetSection("Health"));
        var threshold = configuration.GetValue<long?>("Health:DeadLetterThreshold") ?? 100;

        services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: new[] { "ready" })
            .AddCheck<BlobStorageHealthCheck>("blob-storage", tags: new[] { "ready" })
            .AddCheck<TelemetryFreshnessHealthCheck>("telemetry-freshness", HealthStatus.Degraded, new[] { "live" })
            .AddCheck<MaintenanceModeHealthCheck>("maintenance", tags: new[] { "live" })
            .Add(new HealthCheckRegistration(
                "servicebus-telemetry",
                sp => new ServiceBusQueueHealthCheck(sp.GetRequiredService<ServiceBusAdministrationClient>(), "telemetry-batches", threshold),
                HealthStatus.Unhealthy,
                new[] { "ready" }));

        services.Configure<HealthCheckPublisherOptions>(o => o.Period = TimeSpan.FromSeconds(30));
        services.AddSingleton<IHealthCheckPublisher, RedisHealthReportPublisher>();
        return services;
    }

    // Called from Program.Main before the host is built, so it stays synchronous.
    public static void WaitForRedis(IConnectionMultiplexer redis, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!redis.IsConnected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Redis was not reachable within {timeout}");
            }

            Thread.Sleep(250);
        }
    }
}
