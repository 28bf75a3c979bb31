using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Shop.Services;
using Xunit;

namespace Shop.Tests;

public class ReportExporterTests
{
    private readonly ReportExporter _exporter = new(new HttpClient(), Path.GetTempPath());

    // ASY033: ThrowsAsync reports its verdict through the task it returns,
    // and nobody awaits it: the test passes even if WriteAsync never throws.
    // ASY004: the same statement drops a task, so it is reported as that too.
    [Fact]
    public void WriteAsync_stops_when_cancelled()
    {
        var cancelled = new CancellationToken(canceled: true);
        Assert.ThrowsAsync<OperationCanceledException>(() => _exporter.WriteAsync("sales.csv", "id,total", cancelled));
    }

    // ASY033: Assert.Throws only sees synchronous exceptions. LoadTemplateAsync
    // reports a missing file through its task, so the test fails although the
    // code behaves exactly as intended.
    [Fact]
    public void LoadTemplateAsync_rejects_missing_template()
    {
        Assert.Throws<FileNotFoundException>(() => _exporter.LoadTemplateAsync("missing.html", CancellationToken.None));
    }

    // Fine: the assertion is awaited, so a missing exception fails the test.
    [Fact]
    public async Task WriteAsync_throws_when_cancelled()
    {
        var cancelled = new CancellationToken(canceled: true);
        await Assert.ThrowsAsync<OperationCanceledException>(() => _exporter.WriteAsync("sales.csv", "id,total", cancelled));
    }
}
