using System;
using System.Threading.Tasks;
using Xunit;

namespace Shop.Orders.Tests
{
    public class ForwarderTests
    {
        private readonly IForwarder _forwarder = null!;

        [Fact]
        public async Task Rejects_null()
        {
            Assert.ThrowsAsync<ArgumentNullException>(() => _forwarder.ForwardAsync(null)); // want ASY004
            await Assert.ThrowsAsync<ArgumentNullException>(() => _forwarder.ForwardAsync(null));
            Assert.Throws<ArgumentException>(() => Validate(""));
        }

        private static void Validate(string name)
        {
            if (name.Length == 0) throw new ArgumentException("empty", nameof(name));
        }
    }

    public interface IForwarder
    {
        Task ForwardAsync(object order);
    }
}
