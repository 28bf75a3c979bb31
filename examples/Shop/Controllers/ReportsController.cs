using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Shop.Models;
using Shop.Services;

namespace Shop.Controllers;

public interface ISalesReports
{
    Task<IReadOnlyList<Order>> GetOrdersAsync(DateOnly from, DateOnly to, CancellationToken ct);
    IAsyncEnumerable<Order> StreamOrdersAsync(DateOnly from, DateOnly to);
}

[ApiController]
[Route("api/reports")]
public class ReportsController : ControllerBase
{
    private readonly ISalesReports _reports;

    public ReportsController(ISalesReports reports)
    {
        _reports = reports;
    }

    // ASY025: the request already runs on a thread-pool thread; Task.Run
    // only moves the CSV building to another one and back, at the cost of
    // two thread hops per request and no gain in throughput.
    [HttpGet("sales.csv")]
    public async Task<IActionResult> SalesCsv(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var orders = await _reports.GetOrdersAsync(from, to, ct);
        var csv = await Task.Run(() => ToCsv(orders), ct);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", "sales.csv");
    }

    // Fine: the CPU work runs right here, on the request's thread.
    [HttpGet("sales.txt")]
    public async Task<IActionResult> SalesText(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var orders = await _reports.GetOrdersAsync(from, to, ct);
        return Content(ToCsv(orders).Replace(',', '\t'), "text/plain");
    }

    // ASY027: the stream is read without the request's token: when the
    // client disconnects, the server keeps pulling orders to the end.
    [HttpGet("revenue")]
    public async Task<ActionResult<decimal>> Revenue(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var total = 0m;
        await foreach (var order in _reports.StreamOrdersAsync(from, to))
        {
            total += order.Total;
        }
        return total;
    }

    // Fine: WithCancellation hands the token to the enumeration.
    [HttpGet("orders/count")]
    public async Task<ActionResult<int>> OrderCount(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var count = 0;
        await foreach (var order in _reports.StreamOrdersAsync(from, to).WithCancellation(ct))
        {
            count++;
        }
        return count;
    }

    private static string ToCsv(IEnumerable<Order> orders) =>
        string.Join("\n", orders.Select(o => $"{o.Id},{o.CustomerEmail},{o.Total}"));
}
