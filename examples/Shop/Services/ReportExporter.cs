using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Shop.Models;

namespace Shop.Services;

// Writes nightly sales reports to disk and uploads them.
public class ReportExporter
{
    private readonly HttpClient _http;
    private readonly string _folder;

    public ReportExporter(HttpClient http, string folder)
    {
        _http = http;
        _folder = folder;
    }

    // ASY006: File.ReadAllText blocks a thread for the whole read although
    // File.ReadAllTextAsync exists.
    // ASY012: the caller's token is in scope but Task.Delay never sees it,
    // so a cancelled export still waits out the back-off.
    public async Task<string> LoadTemplateAsync(string name, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        return File.ReadAllText(Path.Combine(_folder, name));
    }

    // ASY020: FileStream is IAsyncDisposable; a plain `using` flushes it
    // synchronously on dispose.
    // ASY029: the hand-written check-and-throw is what
    // ct.ThrowIfCancellationRequested() already does.
    public async Task WriteAsync(string fileName, string body, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
            throw new OperationCanceledException(ct);

        using var stream = new FileStream(Path.Combine(_folder, fileName), FileMode.Create);
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(bytes, ct);
    }

    // ASY008: HttpClient is already asynchronous; Task.Run only adds a hop
    // through the thread pool.
    public async Task<string> FetchRatesAsync(CancellationToken ct)
    {
        return await Task.Run(() => _http.GetStringAsync("https://rates.example/today", ct));
    }

    // Fine: awaits the async API directly and forwards the token everywhere.
    public async Task<string> FetchRatesDirectAsync(CancellationToken ct)
    {
        await using var stream = new FileStream(Path.Combine(_folder, "rates.txt"), FileMode.Create);
        var rates = await _http.GetStringAsync("https://rates.example/today", ct);
        ct.ThrowIfCancellationRequested();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(rates), ct);
        return rates;
    }
}
