using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Shop.Data;
using Shop.Domain;
using Shop.Services;
using Xunit;

namespace Shop.Tests;

public sealed class OrderServiceTests : IAsyncLifetime
{
    private readonly Mock<IEmailSender> _email = new();
    private readonly FakeClock _clock = new(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private ShopDbContext _db = null!;
    private OrderService _service = null!;

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>()
            .UseInMemoryDatabase(Guid.NewGuid().ToString())
            .Options;
        _db = new ShopDbContext(options);
        _db.Customers.Add(new Customer { Id = 7, Email = "ann@example.com" });
        await _db.SaveChangesAsync();
        _service = new OrderService(_db, _email.Object, _clock, NullLogger<OrderService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task PlaceOrder_persists_and_emails_customer()
    {
        var lines = new List<OrderLine> { new() { Sku = "A-1", Quantity = 2, UnitPrice = 5m } };

        var order = await _service.PlaceOrderAsync(7, lines, new PriceQuote(10m, 2m, 0m));

        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(_clock.UtcNow, order.PlacedAt);
        _email.Verify(e => e.SendAsync("ann@example.com", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PlaceOrder_without_lines_throws() // want ASY009
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _service.PlaceOrderAsync(7, Array.Empty<OrderLine>(), new PriceQuote(0, 0, 0)));
    }

    [Fact]
    public async Task Cancel_unknown_order_returns_false()
    {
        var cancelled = await _service.CancelOrderAsync(404);

        Assert.False(cancelled);
    }

    [Fact]
    public async Task Cancel_shipped_order_is_rejected()
    {
        _db.Orders.Add(new Order { Id = 11, CustomerId = 7, Status = OrderStatus.Shipped });
        await _db.SaveChangesAsync();

        Assert.ThrowsAsync<InvalidOperationException>(() => _service.GetOrderAsync(-1)); // want ASY033 ASY004
        Assert.False(await _service.CancelOrderAsync(11));
    }

    [Fact]
    public void Count_is_zero_for_empty_store()
    {
        var count = _service.CountOrdersAsync(OrderStatus.Paid).Result; // want ASY001

        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData(OrderStatus.Open)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task Count_by_status(OrderStatus status)
    {
        _db.Orders.Add(new Order { Id = 21, CustomerId = 7, Status = status });
        await _db.SaveChangesAsync();

        var count = await _service.CountOrdersAsync(status);

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Concurrent_reads_see_the_same_order()
    {
        _db.Orders.Add(new Order { Id = 31, CustomerId = 7 });
        await _db.SaveChangesAsync();

        var first = _service.GetOrderAsync(31);
        var second = _service.GetOrderAsync(31);
        await Task.WhenAll(first, second);

        Assert.Equal(first.Result!.Id, second.Result!.Id);
    }

    private sealed class FakeClock : IClock
    {
        public FakeClock(DateTimeOffset now) => UtcNow = now;

        public DateTimeOffset UtcNow { get; }
    }
}
