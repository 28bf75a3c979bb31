using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Shop.Tests
{
    public class ApiTests : IClassFixture<ApiFactory>
    {
        private readonly HttpClient _client;

        public ApiTests(ApiFactory factory) => _client = factory.CreateClient();

        [Fact]
        public async Task GetOrders_ReturnsOk()
        {
            using var response = await _client.GetAsync("/api/orders");
            response.EnsureSuccessStatusCode();
        }

        [Fact]
        public async Task GetOrder_StreamsBody()
        {
            using var response = _client.GetAsync("/api/orders/1"); // want ASY034
            using var content = new StringContent("{}");
            using var posted = await _client.PostAsync("/api/orders", content);
            Assert.True(posted.IsSuccessStatusCode);
        }

        [Fact]
        public void Scope_IsDisposed()
        {
            using var scope = new ServiceScopeGuard();
            using (var session = SessionHelper.OpenAsync()) // want ASY034
            {
                Assert.NotNull(session);
            }
        }
    }

    public static class SessionHelper
    {
        public static Task<ServiceScopeGuard> OpenAsync() => Task.FromResult(new ServiceScopeGuard());
    }

    public sealed class ServiceScopeGuard : System.IDisposable
    {
        public void Dispose() { }
    }
}
