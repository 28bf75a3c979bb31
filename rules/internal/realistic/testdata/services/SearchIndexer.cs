using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shop.Domain;

namespace Shop.Services.Search;

public sealed class SearchDocument
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string[] Tags { get; init; } = Array.Empty<string>();
}

public interface ISearchBackend
{
    Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken);
    Task<SearchDocument?> FetchAsync(string id, CancellationToken cancellationToken);
    Task DeleteAsync(string id, CancellationToken cancellationToken);
}

public sealed class SearchIndexer
{
    private readonly ISearchBackend _backend;
    private readonly IProductSource _products;
    private readonly ILogger<SearchIndexer> _logger;
    private readonly SemaphoreSlim _throttle = new(8);

    public SearchIndexer(ISearchBackend backend, IProductSource products, ILogger<SearchIndexer> logger)
    {
        _backend = backend;
        _products = products;
        _logger = logger;
    }

    public async Task ReindexAllAsync(CancellationToken cancellationToken)
    {
        var batch = new List<SearchDocument>(500);
        await foreach (var product in _products.StreamAsync(cancellationToken))
        {
            batch.Add(ToDocument(product));
            if (batch.Count == 500)
            {
                await _backend.IndexAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await _backend.IndexAsync(batch, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<SearchDocument>> FetchManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var fetches = ids.Select(async id =>
        {
            await _throttle.WaitAsync(cancellationToken);
            try
            {
                return await _backend.FetchAsync(id, cancellationToken);
            }
            finally
            {
                _throttle.Release();
            }
        });
        var documents = await Task.WhenAll(fetches);
        return documents.Where(d => d is not null).Select(d => d!).ToList();
    }

    public async Task<List<SearchDocument?>> FetchSequentiallyAsync(string[] ids, CancellationToken cancellationToken)
    {
        var result = new List<SearchDocument?>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            result.Add(await _backend.FetchAsync(ids[i], cancellationToken)); // want ASY010
        }

        return result;
    }

    public async Task RemoveAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await _backend.DeleteAsync(id, cancellationToken);
            _logger.LogDebug("Removed {Id} from the index", id);
        }
    }

    public async Task<int> RebuildTagsAsync(CancellationToken cancellationToken, string tagPrefix) // want ASY028
    {
        var count = 0;
        await foreach (var product in _products.StreamAsync(cancellationToken))
        {
            if (product.Name.StartsWith(tagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    private static SearchDocument ToDocument(Product product) => new()
    {
        Id = product.Sku,
        Title = product.Name,
        Body = $"{product.Name} {product.Sku}",
        Tags = product.Discontinued ? new[] { "discontinued" } : Array.Empty<string>(),
    };
}

public interface IProductSource
{
    IAsyncEnumerable<Product> StreamAsync(CancellationToken cancellationToken = default);
}
