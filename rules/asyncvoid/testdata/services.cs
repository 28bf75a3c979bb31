using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using Messaging.Abstractions;

namespace Shop.Services
{
    public interface IOrderProcessor
    {
        void Process(Order order);
        Task ShipAsync(Order order);
    }

    public class Order
    {
        public int Id { get; set; }
        public string CustomerEmail { get; set; }
    }

    public class EmailService
    {
        private readonly ISmtpClient _smtp;

        public EmailService(ISmtpClient smtp) => _smtp = smtp;

        public async void SendWelcomeEmail(string address) // want ASY002
        {
            await _smtp.SendAsync(address, "Welcome!");
        }

        public async Task SendReceiptAsync(Order order)
        {
            await _smtp.SendAsync(order.CustomerEmail, "Your receipt");
        }

        public void Queue(Order order)
        {
            _ = SendReceiptAsync(order);
        }
    }

    public class OrderProcessor : IOrderProcessor
    {
        private readonly EmailService _email;

        public OrderProcessor(EmailService email) => _email = email;

        public async void Process(Order order)
        {
            await ShipAsync(order);
        }

        public async Task ShipAsync(Order order)
        {
            await Task.Delay(10);
            _email.SendWelcomeEmail(order.CustomerEmail);
        }

        public async void Audit(Order order) // want ASY002
        {
            await Task.Yield();
        }
    }

    public sealed class CacheWarmer : IDisposable
    {
        private readonly ICache _cache;

        public CacheWarmer(ICache cache) => _cache = cache;

        public async void Dispose()
        {
            await _cache.FlushAsync();
        }

        public async void Warm() // want ASY002
        {
            await _cache.LoadAsync("products");
        }

        public static async void WarmAll(IEnumerable<CacheWarmer> warmers) // want ASY002
        {
            foreach (var w in warmers)
                await w._cache.LoadAsync("all");
        }
    }

    public class AuditFilter : IActionFilter
    {
        private readonly ILogger<AuditFilter> _log;

        public async void OnActionExecuting(ActionExecutingContext context)
        {
            await Task.Yield();
        }

        public void OnActionExecuted(ActionExecutedContext context) { }
    }

    public class InventoryListener : IMessageSink
    {
        public async void OnMessage(Message message) // want ASY002
        {
            await Task.Delay(1);
        }
    }

    [ApiController]
    [Route("api/orders")]
    public class OrdersController : ControllerBase
    {
        private readonly IOrderProcessor _processor;

        public OrdersController(IOrderProcessor processor) => _processor = processor;

        [HttpDelete("{id}")]
        public async void Delete(int id) // want ASY002
        {
            await _processor.ShipAsync(new Order { Id = id });
        }

        [HttpPost]
        public async Task<IActionResult> Create(Order order, CancellationToken ct)
        {
            await _processor.ShipAsync(order);
            return Ok();
        }
    }

    public interface ISmtpClient
    {
        Task SendAsync(string to, string subject);
    }

    public interface ICache
    {
        Task LoadAsync(string region);
        Task FlushAsync();
    }
}
