using System.Threading.Tasks;

namespace Shop
{
    public class Orders
    {
        public Task<int> CountAsync() => Task.FromResult(1);

        public async Task<int> TotalAsync()
        {
            var label = "Größe 🙂"; var n = CountAsync().Result;
            return n + await CountAsync();
        }
    }
}
