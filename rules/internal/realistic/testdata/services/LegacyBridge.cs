using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Services.Legacy;

/// <summary>
/// Glue between the old synchronous order-export plugin API and the async services.
/// </summary>
public sealed class LegacyExportBridge
{
    private readonly IOrderService _orders;
    private readonly ILogger<LegacyExportBridge> _logger;

    public LegacyExportBridge(IOrderService orders, ILogger<LegacyExportBridge> logger)
    {
        _orders = orders;
        _logger = logger;
    }

    // The plugin host calls this on its own thread and cannot await.
    public string ExportOrder(int id)
    {
        var order = Task.Run(() => _orders.GetOrderAsync(id)).GetAwaiter().GetResult(); // want ASY001
        return order is null ? "" : $"{order.Id};{order.CustomerId};{order.Total}";
    }

    public void ExportMany(IEnumerable<int> ids, TextWriter output)
    {
        var tasks = new List<Task<Domain.Order?>>();
        foreach (var id in ids)
        {
            tasks.Add(_orders.GetOrderAsync(id));
        }

        Task.WaitAll(tasks.ToArray()); // want ASY001
        foreach (var task in tasks)
        {
            var order = task.Result;
            if (order is not null)
            {
                output.WriteLine($"{order.Id};{order.CustomerId};{order.Total}");
            }
        }
    }

    public Task StartBackgroundExport(IEnumerable<int> ids, string path)
    {
        return Task.Factory.StartNew(async () => // want ASY016
        {
            await using var writer = new StreamWriter(path);
            foreach (var id in ids)
            {
                var order = await _orders.GetOrderAsync(id);
                await writer.WriteLineAsync($"{order?.Id};{order?.Total}");
            }
        });
    }

    public Task<int> CountOpenLater()
    {
        var count = new Task<int>(() => _orders.CountOrdersAsync(Domain.OrderStatus.Open).GetAwaiter().GetResult()); // want ASY015 ASY001
        return count;
    }

    public Task ScheduleCleanup(Func<Task> cleanup)
    {
        return Task.Factory.StartNew(() => cleanup(), CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).Unwrap();
    }

    public void LogWhenDone(Task work)
    {
        work.ContinueWith(t => _logger.LogError(t.Exception, "Export failed"), TaskContinuationOptions.OnlyOnFaulted); // want ASY016
    }

    public Task<string?> ReadManifestAsync(string directory)
    {
        var path = Path.Combine(directory, "manifest.txt");
        if (!File.Exists(path))
        {
            return null; // want ASY014
        }

        return File.ReadAllTextAsync(path);
    }
}
