using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Shop.Contracts;
using Shop.Data;
using Shop.Domain;

namespace Shop.Web.Controllers;

[ApiController]
[Route("api/products")]
public class ProductsController : ControllerBase
{
    private readonly IProductRepository _products;
    private readonly IMemoryCache _cache;

    public ProductsController(IProductRepository products, IMemoryCache cache)
    {
        _products = products;
        _cache = cache;
    }

    [HttpGet("{sku}")]
    public async Task<ActionResult<Product>> Get(string sku, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(sku, out Product? cached) && cached is not null)
        {
            return cached;
        }

        var product = await _products.FindBySkuAsync(sku, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        _cache.Set(sku, product, TimeSpan.FromMinutes(5));
        return product;
    }

    [HttpGet("search")]
    public async Task<ActionResult<IReadOnlyList<Product>>> Search([FromQuery] string term, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return Array.Empty<Product>();
        }

        var results = await _products.SearchAsync(term, 50, cancellationToken);
        return Ok(results);
    }

    [HttpPut("{sku}/price")]
    public async Task<IActionResult> UpdatePrice(string sku, [FromBody] PriceUpdate update)
    {
        if (update.Price <= 0)
        {
            return BadRequest();
        }

        var product = await _products.FindBySkuAsync(sku); // want ASY012
        if (product is null)
        {
            return NotFound();
        }

        product.Price = update.Price;
        await _products.SaveAsync(product); // want ASY012
        _cache.Remove(sku);
        return NoContent();
    }

    [HttpGet("featured")]
    public async Task<ActionResult<IReadOnlyList<Product>>> Featured() // want ASY007
    {
        var featured = _cache.Get<IReadOnlyList<Product>>("featured") ?? Array.Empty<Product>();
        return Ok(featured);
    }

    [HttpDelete("{sku}")]
    public async Task<IActionResult> Delete(string sku, CancellationToken cancellationToken)
    {
        var deleted = await _products.DeleteAsync(sku, cancellationToken);
        if (!deleted)
        {
            return NotFound();
        }

        _cache.Remove(sku);
        return NoContent();
    }
}

public sealed class PriceUpdate
{
    public decimal Price { get; set; }
}
