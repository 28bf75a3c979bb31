using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Data;
using Shop.Domain;
using Xunit;

namespace Shop.Tests.Integration;

public sealed class ApiFixture : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = _factory.CreateClient();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await db.Database.EnsureCreatedAsync();
        db.Products.Add(new Product { Sku = "TEST-1", Name = "Test product", Price = 9.99m });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}

[CollectionDefinition("api")]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
}

[Collection("api")]
public sealed class ProductsApiTests
{
    private readonly ApiFixture _fixture;

    public ProductsApiTests(ApiFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Get_known_product()
    {
        var product = await _fixture.Client.GetFromJsonAsync<Product>("api/products/TEST-1");

        Assert.NotNull(product);
        Assert.Equal(9.99m, product!.Price);
    }

    [Fact]
    public async Task Get_unknown_product_is_404()
    {
        using var response = await _fixture.Client.GetAsync("api/products/NOPE");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_requires_term()
    {
        var results = await _fixture.Client.GetFromJsonAsync<Product[]>("api/products/search?term=");

        Assert.Empty(results!);
    }

    [Fact]
    public Task Delete_then_get_is_404()
    {
        return Task.Run(async () =>
        {
            using var delete = await _fixture.Client.DeleteAsync("api/products/TEST-DEL");
            using var get = await _fixture.Client.GetAsync("api/products/TEST-DEL");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, get.StatusCode);
        });
    }
}
