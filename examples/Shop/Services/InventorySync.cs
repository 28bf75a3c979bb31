using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

public interface IWarehouseClient
{
    Task<IReadOnlyList<string>> GetSkusAsync(CancellationToken ct);
    Task<int> GetStockLevelAsync(string sku, CancellationToken ct);
    Task PushLevelsAsync(IReadOnlyDictionary<string, int> levels, CancellationToken ct);
    Task RefreshCatalogAsync(CancellationToken ct);
    Task ListenForReservationsAsync(CancellationToken ct);
}

// Mirrors the warehouse's stock levels into the shop every five minutes.
public class InventorySync : BackgroundService
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(30);

    private readonly IWarehouseClient _warehouse;
    private readonly ILogger<InventorySync> _log;
    private Task _listener = Task.CompletedTask;

    public InventorySync(IWarehouseClient warehouse, ILogger<InventorySync> log)
    {
        _warehouse = warehouse;
        _log = log;
    }

    // ASY016: StartNew does not unwrap async delegates. It hands back a
    // Task<Task> whose outer task completes at the listener's first await,
    // so _listener looks finished while the real loop runs unobserved.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = Task.Factory.StartNew(
            async () => await _warehouse.ListenForReservationsAsync(cancellationToken),
            TaskCreationOptions.LongRunning);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // ASY030: WhenAll over one task is that task plus an extra
            // allocation; a leftover from when prices were refreshed too.
            await Task.WhenAll(_warehouse.RefreshCatalogAsync(stoppingToken));

            var skus = await _warehouse.GetSkusAsync(stoppingToken);
            var levels = await ReadLevelsAsync(skus, stoppingToken);
            await PushWithTimeoutAsync(skus.Zip(levels).ToDictionary(p => p.First, p => p.Second), stoppingToken);
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        }
    }

    // ASY010: each request waits for the one before it although none depends
    // on another: 2,000 SKUs cost 2,000 round trips back to back.
    private async Task<List<int>> ReadLevelsAsync(IReadOnlyList<string> skus, CancellationToken ct)
    {
        var levels = new List<int>();
        foreach (var sku in skus)
        {
            levels.Add(await _warehouse.GetStockLevelAsync(sku, ct));
        }
        return levels;
    }

    // Fine: the same reads run together, at most eight at a time.
    public async Task<int[]> ReadLevelsConcurrentlyAsync(IReadOnlyList<string> skus, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(8);
        var reads = skus.Select(async sku =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await _warehouse.GetStockLevelAsync(sku, ct);
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(reads);
    }

    // ASY026: when the push fails fast, WhenAny simply returns the faulted
    // task; nobody awaits it, so the failure vanishes and the sync reports
    // success.
    private async Task PushWithTimeoutAsync(IReadOnlyDictionary<string, int> levels, CancellationToken ct)
    {
        var push = _warehouse.PushLevelsAsync(levels, ct);
        var finished = await Task.WhenAny(push, Task.Delay(PushTimeout, ct));
        if (finished != push)
        {
            _log.LogWarning("Stock push timed out after {Timeout}", PushTimeout);
        }
    }

    // Fine: the winner is awaited, so a failed push throws here.
    public async Task<bool> TryPushAsync(IReadOnlyDictionary<string, int> levels, CancellationToken ct)
    {
        var push = _warehouse.PushLevelsAsync(levels, ct);
        if (await Task.WhenAny(push, Task.Delay(PushTimeout, ct)) != push)
        {
            return false;
        }
        await push;
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _listener;
    }
}
