using System.Threading.Tasks;

namespace Shop
{
    public interface IOrderRepository
    {
        Task<Order> GetOrderAsync(int id);
    }

    public class Order
    {
        public int Id { get; set; }
    }

    public class OrderService
    {
        private readonly IOrderRepository _repo;

        public OrderService(IOrderRepository repo) => _repo = repo;

        public async Task<string> DescribeAsync(int id)
        {
            await Task.Yield();
            var order = /* 注文 🛒 */ _repo.GetOrderAsync(id).Result;
            return order.Id.ToString();
        }
    }
}
