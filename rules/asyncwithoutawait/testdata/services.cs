using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Shop.Catalog
{
    public interface IProductStore
    {
        Task<Product> FindAsync(int id);
        Task SaveAsync(Product product);
        IAsyncEnumerable<Product> StreamAsync(CancellationToken token);
    }

    public sealed class Product
    {
        public int Id { get; set; }
        public decimal Price { get; set; }
    }

    public abstract class PricingRule
    {
        public abstract Task<decimal> ApplyAsync(Product product);
        public virtual async Task<decimal> BaseAsync(Product product) => product.Price; // want ASY007
    }

    public sealed partial class ProductService
    {
        private readonly IProductStore _store;
        private readonly IMemoryCache _cache;

        public ProductService(IProductStore store, IMemoryCache cache)
        {
            _store = store;
            _cache = cache;
        }

        public async Task<Product> GetAsync(int id) // want ASY007
        {
            if (_cache.TryGetValue(id, out Product cached))
            {
                return cached;
            }
            return null;
        }

        public async Task<Product> LoadAsync(int id)
        {
            if (_cache.TryGetValue(id, out Product cached))
            {
                return cached;
            }
            return await _store.FindAsync(id);
        }

        public async Task InvalidateAsync(int id) // want ASY007
        {
            if (id <= 0)
            {
                return;
            }
            _cache.Remove(id);
        }

        public async Task<int> CountAsync(IEnumerable<int> ids) // want ASY007
        {
            var tasks = ids.Select(async id => await _store.FindAsync(id)).ToList();
            return tasks.Count;
        }

        public async Task<decimal> TotalAsync(CancellationToken token)
        {
            decimal total = 0;
            await foreach (var product in _store.StreamAsync(token))
            {
                total += product.Price;
            }
            return total;
        }

        public async Task ExportAsync(string path)
        {
            await using var stream = File.Create(path);
            stream.WriteByte(1);
        }

        public async Task ExportLegacyAsync(string path)
        {
            await using (var stream = File.Create(path))
            {
                stream.WriteByte(1);
            }
        }

        public async Task<Product> NotYetAsync(int id) => throw new NotImplementedException();

        public async Task RejectAsync(Product product)
        {
            throw new NotSupportedException("read-only catalog");
        }

        public async Task WarmAsync(IEnumerable<int> ids) // want ASY007
        {
            async Task LoadOneAsync(int id) => _cache.Set(id, await _store.FindAsync(id));
            Task.WaitAll(ids.Select(LoadOneAsync).ToArray());
        }

        public async Task RefreshAsync()
        {
            Func<Task> touch = async () => _cache.Remove(0); // want ASY007
            Func<int, Task<int>> twice = async x => x * 2; // want ASY007
            Func<Task> flush = async delegate { _cache.Remove(1); }; // want ASY007
            Func<Task> real = async () => await _store.SaveAsync(new Product());
            await touch();
            await real();
        }

        public async ValueTask<int> PeekAsync() => 1; // want ASY007

        public async ValueTask ResetAsync() => _cache.Remove(2); // want ASY007

        public async IAsyncEnumerable<int> IdsAsync()
        {
            yield return 1;
            yield return 2;
        }

        public Task<Product> ForwardAsync(int id) => _store.FindAsync(id);

        public void Clear() => _cache.Remove(3);

        partial void OnCleared();

        public async Task ConditionalAsync()
        {
#if DEBUG
            await Task.Delay(10);
#endif
        }
    }

    [ApiController]
    [Route("api/products")]
    public sealed class ProductsController : ControllerBase
    {
        private readonly ProductService _service;

        public ProductsController(ProductService service) => _service = service;

        [HttpGet("{id}")]
        public async Task<ActionResult<Product>> Get(int id) // want ASY007
        {
            var product = _service.ForwardAsync(id).Result;
            return product == null ? NotFound() : Ok(product);
        }

        [HttpGet]
        public async Task<IActionResult> List()
        {
            return Ok(await _service.CountAsync(new[] { 1 }));
        }
    }
}
