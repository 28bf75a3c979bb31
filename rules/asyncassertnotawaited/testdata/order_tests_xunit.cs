using System;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Shop.Tests
{
    public class OrderService
    {
        public Task SaveAsync(Order order) => order == null ? throw new ArgumentNullException(nameof(order)) : Task.CompletedTask;
        public Task<Order> LoadAsync(int id) => Task.FromResult(new Order());
        public void Save(Order order) { }
    }

    public class Order { }

    public class OrderServiceTests
    {
        private readonly OrderService _service = new OrderService();

        [Fact]
        public async Task Save_rejects_null()
        {
            Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null)); // want ASY033
            await Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null));
            var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.SaveAsync(null));
            Assert.NotNull(ex);
            var dropped = Assert.ThrowsAnyAsync<ArgumentException>(() => _service.SaveAsync(null)); // want ASY033
            Assert.NotNull(dropped);
            var pending = Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null));
            var caught = await pending;
            var later = Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null));
            await Task.WhenAll(later);
        }

        [Fact]
        public void Save_rejects_null_sync()
        {
            Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null)); // want ASY033
            Assert.Throws<ArgumentNullException>(() => _service.Save(null));
            Assert.Throws<ArgumentNullException>(() => { _service.SaveAsync(null); }); // want ASY033
        }

        [Fact]
        public async Task Fluent_assertions()
        {
            Func<Task> act = () => _service.SaveAsync(null);
            act.Should().ThrowAsync<ArgumentNullException>(); // want ASY033
            act.Should().ThrowAsync<ArgumentNullException>().WithMessage("*order*"); // want ASY033
            await act.Should().ThrowAsync<ArgumentNullException>();
            await act.Should().NotThrowAsync().ConfigureAwait(false);
            var order = await _service.LoadAsync(1);
            order.Should().NotBeNull();
        }

        [Fact]
        public Task Returned_assertion()
        {
            return Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null));
        }

        [Fact]
        public async Task Assigned_then_awaited()
        {
            var pending = Assert.ThrowsAsync<ArgumentNullException>(() => _service.SaveAsync(null));
            await pending;
        }
    }
}
