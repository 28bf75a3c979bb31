using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Orders
{
    public interface IOrderRepository
    {
        Task<Order> GetOrderAsync(int id);
        Task SaveAsync(Order order);
        ValueTask TouchAsync(int id);
        // Named like an async method, but the workspace says it returns a string.
        string FormatAsync(Order order);
        void AuditAsync(string message);
    }

    public interface IMailer
    {
        Task SendConfirmationAsync(string email);
    }

    public class Order
    {
        public int Id { get; set; }
        public string Email { get; set; }
    }

    public class OrderService
    {
        private readonly IOrderRepository _repo;
        private readonly IMailer _mailer;
        private readonly ILogger<OrderService> _log;
        private readonly Func<Order, Task> _onSaved;
        private readonly Action<Order> _onChanged;
        private IMailer _optionalMailer;

        public OrderService(IOrderRepository repo, IMailer mailer, ILogger<OrderService> log)
        {
            _repo = repo;
            _mailer = mailer;
            _log = log;
            _repo.TouchAsync(0); // want ASY004
        }

        public async Task PlaceAsync(Order order)
        {
            _repo.SaveAsync(order); // want ASY004
            _mailer.SendConfirmationAsync(order.Email); // want ASY004
            await _repo.SaveAsync(order);
            _ = _mailer.SendConfirmationAsync(order.Email);
            var pending = _repo.SaveAsync(order);
            await pending;
            _repo.FormatAsync(order);
            _repo.AuditAsync("placed");
            _repo.TouchAsync(order.Id); // want ASY004
            _optionalMailer?.SendConfirmationAsync(order.Email); // want ASY004
            _onSaved(order); // want ASY004
            _onChanged(order);
            this._onSaved(order); // want ASY004
            this._onChanged(order);
            _repo.SaveAsync(order).ConfigureAwait(false); // want ASY004
            await _repo.SaveAsync(order).ConfigureAwait(false);
        }

        public void Place(Order order)
        {
            _repo.SaveAsync(order); // want ASY004
            Task.Run(() => Recalculate(order)); // want ASY004
            Task.Delay(100); // want ASY004
            Task.Run(() => Recalculate(order)).ContinueWith(t => _log.LogError(t.Exception, "recalc failed"), TaskContinuationOptions.OnlyOnFaulted);
            Recalculate(order);
            Publish(order);
        }

        public Task ForwardAsync(Order order)
        {
            Validate(order);
            return _repo.SaveAsync(order);
        }

        public async Task<int> SumAsync(IEnumerable<int> ids)
        {
            var tasks = new List<Task<Order>>();
            foreach (var id in ids)
            {
                tasks.Add(_repo.GetOrderAsync(id));
            }
            var orders = await Task.WhenAll(tasks);
            Task.WhenAll(tasks); // want ASY004
            return orders.Length;
        }

        public async Task GuardedAsync(Order order, CancellationToken token)
        {
            lock (_repo)
            {
                _repo.SaveAsync(order); // want ASY004
            }
            if (order.Id > 0)
                _repo.SaveAsync(order); // want ASY004
            using (token.Register(() => _repo.SaveAsync(order))) // want ASY004
            {
                await Task.Delay(10, token);
            }
            Func<Task> later = async () =>
            {
                _repo.SaveAsync(order); // want ASY004
                await Task.Yield();
            };
            Action sync = () => _repo.SaveAsync(order); // want ASY004
            await later();
        }

        private void Recalculate(Order order) { }

        private void Validate(Order order)
        {
            if (order == null) throw new ArgumentNullException(nameof(order));
        }

        private void Publish(Order order) => _log.LogInformation("order {Id}", order.Id);
    }

    [ApiController]
    [Route("api/orders")]
    public class OrdersController : ControllerBase
    {
        private readonly OrderService _service;
        private readonly IOrderRepository _repo;

        public OrdersController(OrderService service, IOrderRepository repo)
        {
            _service = service;
            _repo = repo;
        }

        [HttpPost]
        public async Task<IActionResult> Create(Order order)
        {
            _service.PlaceAsync(order); // want ASY004
            await _service.PlaceAsync(order);
            return Ok(await _repo.GetOrderAsync(order.Id));
        }

        [HttpGet("{id}")]
        public Task<Order> Get(int id) => _repo.GetOrderAsync(id);

        [HttpDelete("{id}")]
        public IActionResult Delete(int id)
        {
            _repo.GetOrderAsync(id); // want ASY004
            return NoContent();
        }
    }
}
