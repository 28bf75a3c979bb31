using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Workers;

public sealed class MetricsPublisher : BackgroundService
{
    private readonly IMetricsSnapshotSource _source;
    private readonly HttpClient _http;
    private readonly ILogger<MetricsPublisher> _logger;

    public MetricsPublisher(IMetricsSnapshotSource source, HttpClient http, ILogger<MetricsPublisher> logger)
    {
        _source = source;
        _http = http;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PublishOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            _logger.LogInformation("Metrics publisher stopped");
        }
    }

    private async Task PublishOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = _source.Capture();
        if (snapshot.Count == 0)
        {
            return;
        }

        try
        {
            using var response = await _http.PostAsJsonAsync("ingest", snapshot, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogWarning("Metrics ingest answered {Status}", response.StatusCode);
            }
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "Metrics ingest unreachable");
        }
    }

    public async Task FlushAsync(IReadOnlyList<IReadOnlyDictionary<string, double>> backlog, CancellationToken cancellationToken)
    {
        foreach (var snapshot in backlog)
        {
            if (cancellationToken.IsCancellationRequested) // want ASY029
            {
                throw new OperationCanceledException(cancellationToken);
            }

            using var response = await _http.PostAsJsonAsync("ingest", snapshot, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }
}

public interface IMetricsSnapshotSource
{
    IReadOnlyDictionary<string, double> Capture();
}
