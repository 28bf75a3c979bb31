using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Web.Health;

public sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly DbProviderFactory _factory;
    private readonly string _connectionString;

    public DatabaseHealthCheck(DbProviderFactory factory, string connectionString)
    {
        _factory = factory;
        _connectionString = connectionString;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = _factory.CreateConnection()!;
            connection.ConnectionString = _connectionString;
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Database unreachable", ex);
        }
    }
}

public sealed class DiskSpaceHealthCheck : IHealthCheck
{
    private readonly long _minimumFreeBytes;

    public DiskSpaceHealthCheck(long minimumFreeBytes) => _minimumFreeBytes = minimumFreeBytes;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var drive = new System.IO.DriveInfo(AppContext.BaseDirectory);
        var result = drive.AvailableFreeSpace >= _minimumFreeBytes
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"Only {drive.AvailableFreeSpace} bytes free");
        return Task.FromResult(result);
    }
}
