using System.Threading.Tasks;
using Xunit;

namespace Shop.Tests
{
    public class OrderProcessorTests
    {
        [Fact]
        public async void Ships_order() // want ASY002
        {
            await Task.Delay(1);
            Assert.True(true);
        }

        [Fact]
        public async Task Sends_receipt()
        {
            await Task.Delay(1);
            Assert.True(true);
        }

        [Theory]
        [InlineData(1)]
        public async void Rejects_bad_ids(int id) // want ASY002
        {
            await Task.Delay(id);
        }

        private static void Arrange()
        {
        }
    }
}
