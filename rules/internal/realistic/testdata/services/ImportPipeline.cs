using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shop.Domain;

namespace Shop.Services;

public sealed class ProductImportPipeline
{
    private readonly Channel<Product> _channel = Channel.CreateBounded<Product>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly IProductSink _sink;
    private readonly ILogger<ProductImportPipeline> _logger;

    public ProductImportPipeline(IProductSink sink, ILogger<ProductImportPipeline> logger)
    {
        _sink = sink;
        _logger = logger;
    }

    public async Task RunAsync(string path, CancellationToken cancellationToken) // want ASY009
    {
        var producer = ProduceAsync(path, cancellationToken);
        var consumer = ConsumeAsync(cancellationToken);
        await Task.WhenAll(producer, consumer);
    }

    private async Task ProduceAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var product in ReadProductsAsync(path, cancellationToken))
            {
                await _channel.Writer.WriteAsync(product, cancellationToken);
            }
        }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Product>(100);
        await foreach (var product in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            batch.Add(product);
            if (batch.Count == batch.Capacity)
            {
                await _sink.UpsertAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await _sink.UpsertAsync(batch, cancellationToken);
        }
    }

    public static async IAsyncEnumerable<Product> ReadProductsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var product = JsonSerializer.Deserialize<Product>(line);
            if (product is not null)
            {
                yield return product;
            }
        }
    }

    public async IAsyncEnumerable<Product> ReadChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) // want ASY021
    {
        await foreach (var product in _sink.StreamChangedAsync(since, cancellationToken))
        {
            yield return product;
        }
    }

    public async Task<int> CountValidAsync(string path, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var product in ReadProductsAsync(path)) // want ASY012
        {
            if (!string.IsNullOrEmpty(product.Sku) && product.Price > 0)
            {
                count++;
            }
        }

        return count;
    }

    public async Task<int> CountDiscontinuedAsync(IAsyncEnumerable<Product> products, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var product in products) // want ASY027
        {
            if (product.Discontinued)
            {
                count++;
            }
        }

        _logger.LogInformation("{Count} discontinued products", count);
        return count;
    }
}

public interface IProductSink
{
    Task UpsertAsync(IReadOnlyList<Product> batch, CancellationToken cancellationToken);
    IAsyncEnumerable<Product> StreamChangedAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
