using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Shop.Orders
{
    public class Order
    {
        public int Id { get; set; }
        public string Customer { get; set; }
        public decimal Total { get; set; }
        public bool Shipped { get; set; }
    }

    public class ShopDbContext : DbContext
    {
        public DbSet<Order> Orders { get; set; }

        public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
        {
            Stamp();
            return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        private void Stamp() { }
    }

    public interface IOrderStore
    {
        Task<Order> GetAsync(int id, CancellationToken cancellationToken = default);
        Task<IReadOnlyList<Order>> SearchAsync(string customer, bool includeShipped = false, CancellationToken ct = default);
        Task SaveAsync(Order order);
        Task ArchiveAsync(int id);
        Task ArchiveAsync(int id, CancellationToken ct);
        Task NotifyAsync(string who);
        Task NotifyAsync(int userId, CancellationToken ct);
    }

    public class OrderService
    {
        private readonly ShopDbContext _db;
        private readonly IOrderStore _store;
        private readonly HttpClient _http;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly List<Order> _recent = new List<Order>();

        public OrderService(ShopDbContext db, IOrderStore store, HttpClient http)
        {
            _db = db;
            _store = store;
            _http = http;
        }

        public async Task<List<Order>> OpenOrdersAsync(string customer, CancellationToken ct)
        {
            await _gate.WaitAsync(); // want ASY012
            try
            {
                var orders = await _db.Orders
                    .Where(o => o.Customer == customer && !o.Shipped)
                    .OrderBy(o => o.Id)
                    .ToListAsync(); // want ASY012
                var count = await _db.Orders.CountAsync(ct);
                var cached = _recent.Where(o => o.Customer == customer).ToList();
                return orders;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<Order> ShipAsync(int id, CancellationToken ct)
        {
            var order = await _store.GetAsync(id); // want ASY012
            order.Shipped = true;
            await _db.SaveChangesAsync(); // want ASY012
            await _store.SaveAsync(order);
            await _store.ArchiveAsync(id); // want ASY012
            await _store.NotifyAsync(order.Customer);
            var others = await _store.SearchAsync(order.Customer); // want ASY012
            var again = await _store.SearchAsync(order.Customer, true, ct);
            await Task.Delay(TimeSpan.FromSeconds(1)); // want ASY012
            await Task.Delay(250, ct);
            await Task.Delay(250, CancellationToken.None);
            await _db.SaveChangesAsync(default);
            await _db.SaveChangesAsync(true); // want ASY012
            return order;
        }

        public async Task<decimal> QuoteAsync(int id, CancellationToken cancellationToken)
        {
            var response = await _http.GetAsync($"quotes/{id}"); // want ASY012
            var quote = await _http.GetFromJsonAsync<decimal>($"quotes/{id}/total"); // want ASY012
            var posted = await _http.PostAsJsonAsync("quotes", id, cancellationToken);
            var body = await posted.Content.ReadAsStringAsync(); // want ASY012
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await _http.GetStringAsync("ping", linked.Token);
            return quote;
        }

        public async Task ExportAsync(Stream output, IEnumerable<Order> orders, CancellationToken ct)
        {
            var path = Path.Combine("exports", "orders.json");
            await File.WriteAllTextAsync(path, "[]"); // want ASY012
            await JsonSerializer.SerializeAsync(output, orders); // want ASY012
            await output.FlushAsync(); // want ASY012
            using (var file = new FileStream(path, FileMode.Open))
            {
                await file.CopyToAsync(output); // want ASY012
                await file.CopyToAsync(output, ct);
            }
        }

        public async Task ProcessAllAsync(IEnumerable<int> ids, CancellationToken ct)
        {
            await Parallel.ForEachAsync(ids, ct, async (id, token) =>
            {
                await _store.GetAsync(id, token);
            });
            var tasks = ids.Select(async id =>
            {
                var order = await _store.GetAsync(id); // want ASY012
                return order.Total;
            });
            await Task.WhenAll(tasks);
        }

        public async Task<Order> WithoutTokenAsync(int id)
        {
            await Task.Delay(100);
            return await _store.GetAsync(id);
        }

        public async Task RollbackAsync(Order order, CancellationToken ct)
        {
            try
            {
                await _store.SaveAsync(order);
            }
            catch (OperationCanceledException)
            {
                await _store.ArchiveAsync(order.Id);
                throw;
            }
        }

        public async Task RetryAsync(Order order, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _store.SaveAsync(order);
                    return;
                }
                catch (OperationCanceledException)
                {
                    await Task.Delay(10);
                    throw;
                }
                catch (Exception) when (attempt < 3)
                {
                    await _store.ArchiveAsync(order.Id);
                    await Task.Delay(attempt * 100); // want ASY012
                }
                finally
                {
                    await Task.Delay(1);
                }
            }
        }

        public async Task LocalsAsync(int id, CancellationToken ct)
        {
            await LoadAsync(); // want ASY012
            await LoadTwiceAsync(1);

            async Task LoadAsync(CancellationToken token = default) => await _store.GetAsync(id, token);
            static async Task LoadTwiceAsync(int n) => await Task.Delay(n);
        }

        public async Task TwoTokensAsync(CancellationToken first, CancellationToken second)
        {
            await Task.Delay(10);
        }

        public async Task FromMemoryAsync(byte[] data, CancellationToken ct)
        {
            var ms = new MemoryStream();
            await ms.WriteAsync(data, 0, data.Length);
        }
    }
}
