using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Catalog
{
    public class Product
    {
        public int Id { get; set; }
        public string Name { get; set; }
    }

    public interface IProductStore
    {
        Task<Product> FindAsync(int id, CancellationToken ct = default);
        Task SaveAsync(Product product);
    }

    public class CachedProductStore : IProductStore
    {
        private readonly IProductStore _inner;
        private readonly Dictionary<int, Product> _cache = new();

        public CachedProductStore(IProductStore inner) => _inner = inner;

        public Task<Product> FindAsync(int id, CancellationToken ct = default)
        {
            if (id <= 0)
            {
                return null; // want ASY014
            }
            if (_cache.TryGetValue(id, out var hit))
            {
                return Task.FromResult(hit);
            }
            return _inner.FindAsync(id, ct);
        }

        public Task SaveAsync(Product product)
        {
            if (product == null)
                return null; // want ASY014
            _cache[product.Id] = product;
            return _inner.SaveAsync(product);
        }

        public Task WarmUpAsync(bool enabled) => enabled ? _inner.SaveAsync(new Product()) : null; // want ASY014

        public Task<int> CountAsync() => null!; // want ASY014

        public Task FlushAsync()
        {
            return default; // want ASY014
        }

        public Task<string> DescribeAsync(int id) => Task.FromResult<string>(null);

        public Task? TryStartRefresh(bool force)
        {
            if (!force)
            {
                return null;
            }
            return _inner.SaveAsync(new Product());
        }

        public ValueTask<Product> PeekAsync(int id)
        {
            if (_cache.TryGetValue(id, out var hit))
            {
                return new ValueTask<Product>(hit);
            }
            return default;
        }

        public async Task<Product> LoadAsync(int id)
        {
            var product = await _inner.FindAsync(id);
            if (product == null)
            {
                return null;
            }
            return product;
        }

        public Product FindCached(int id)
        {
            return _cache.TryGetValue(id, out var hit) ? hit : null;
        }

        public Task<Product> Pending
        {
            get { return null; } // want ASY014
        }

        public Func<Task> MakeCallback()
        {
            return () =>
            {
                Func<object> inner = () => null;
                return _inner.SaveAsync(new Product());
            };
        }

        private Task<Product> Missing() => null; // want ASY014

        public async Task<Product> UseMissingAsync() => await Missing();
    }

    [ApiController]
    [Route("api/products")]
    public class ProductsController : ControllerBase
    {
        private readonly IProductStore _store;

        public ProductsController(IProductStore store) => _store = store;

        [HttpGet("{id}")]
        public Task<IActionResult> Get(int id)
        {
            if (id < 0)
            {
                return null; // want ASY014
            }
            return GetCoreAsync(id);

            async Task<IActionResult> GetCoreAsync(int productId)
            {
                var product = await _store.FindAsync(productId);
                return product == null ? null : Ok(product);
            }
        }

        private Task<ActionResult> NotYet()
        {
            Task<ActionResult> Local() => null; // want ASY014
            return Local();
        }
    }
}
