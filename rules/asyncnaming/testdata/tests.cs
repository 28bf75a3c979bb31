using System.Threading.Tasks;
using Xunit;

namespace Shop.Tests
{
    public class InventoryTests
    {
        [Fact]
        public async Task Reserves_stock()
        {
            await Task.Yield();
        }

        private Task Arrange() => Task.CompletedTask; // want ASY013
    }
}
