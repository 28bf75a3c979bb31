using System.Threading.Tasks;

namespace Shop
{
    public class Clean
    {
        public async Task<int> TotalAsync(Orders orders)
        {
            return await orders.CountAsync();
        }
    }
}
