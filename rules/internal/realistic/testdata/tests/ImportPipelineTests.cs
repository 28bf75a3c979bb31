using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Shop.Domain;
using Shop.Services;

namespace Shop.Tests.Import;

[TestFixture]
public sealed class ImportPipelineTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "import-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Reads_every_non_empty_line()
    {
        var path = await WriteLinesAsync("{\"Sku\":\"A\",\"Price\":1}", "", "{\"Sku\":\"B\",\"Price\":2}");

        var products = new List<Product>();
        await foreach (var product in ProductImportPipeline.ReadProductsAsync(path))
        {
            products.Add(product);
        }

        Assert.That(products.Select(p => p.Sku), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public async Task Pipeline_upserts_in_batches()
    {
        var lines = Enumerable.Range(0, 250).Select(i => $"{{\"Sku\":\"S{i}\",\"Price\":1}}").ToArray();
        var path = await WriteLinesAsync(lines);
        var sink = new RecordingSink();
        var pipeline = new ProductImportPipeline(sink, NullLogger<ProductImportPipeline>.Instance);

        await pipeline.RunAsync(path, CancellationToken.None);

        Assert.That(sink.Batches.Select(b => b.Count), Is.EqualTo(new[] { 100, 100, 50 }));
    }

    [Test]
    public async Task Cancellation_stops_the_pipeline()
    {
        var path = await WriteLinesAsync(Enumerable.Repeat("{\"Sku\":\"X\",\"Price\":1}", 1000).ToArray());
        var pipeline = new ProductImportPipeline(new RecordingSink(), NullLogger<ProductImportPipeline>.Instance);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThatAsync(() => pipeline.RunAsync(path, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Missing_file_fails()
    {
        var pipeline = new ProductImportPipeline(new RecordingSink(), NullLogger<ProductImportPipeline>.Instance);

        Assert.ThatAsync(() => pipeline.RunAsync(Path.Combine(_directory, "missing.jsonl"), CancellationToken.None), Throws.InstanceOf<FileNotFoundException>()); // want ASY033 ASY004
    }

    [Test]
    public void Count_valid_blocks_in_sync_test()
    {
        var path = Path.Combine(_directory, "one.jsonl");
        File.WriteAllText(path, "{\"Sku\":\"A\",\"Price\":3}\n");
        var pipeline = new ProductImportPipeline(new RecordingSink(), NullLogger<ProductImportPipeline>.Instance);

        var count = pipeline.CountValidAsync(path, CancellationToken.None).GetAwaiter().GetResult(); // want ASY001

        Assert.That(count, Is.EqualTo(1));
    }

    private async Task<string> WriteLinesAsync(params string[] lines)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private sealed class RecordingSink : IProductSink
    {
        public List<IReadOnlyList<Product>> Batches { get; } = new();

        public Task UpsertAsync(IReadOnlyList<Product> batch, CancellationToken cancellationToken)
        {
            Batches.Add(batch.ToList());
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<Product> StreamChangedAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }
    }
}
