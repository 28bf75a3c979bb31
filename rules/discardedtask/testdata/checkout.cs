using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Shop.Checkout
{
    public interface IEmailSender
    {
        Task SendConfirmationAsync(string email);
    }

    public interface IBackgroundQueue
    {
        ValueTask EnqueueAsync(Func<CancellationToken, Task> work);
    }

    [ApiController]
    [Route("api/checkout")]
    public class CheckoutController : ControllerBase
    {
        private readonly IEmailSender _email;
        private readonly IBackgroundQueue _queue;
        private readonly ILogger<CheckoutController> _logger;

        public CheckoutController(IEmailSender email, IBackgroundQueue queue, ILogger<CheckoutController> logger)
        {
            _email = email;
            _queue = queue;
            _logger = logger;
        }

        [HttpPost]
        public async Task<IActionResult> Complete(Order order)
        {
            _ = _email.SendConfirmationAsync(order.Email); // want ASY023
            _ = Task.Run(() => _email.SendConfirmationAsync(order.Email)); // want ASY023
            _ = _email.SendConfirmationAsync(order.Email).ConfigureAwait(false); // want ASY023
            _ = Task.Run(async () =>
            {
                try
                {
                    await _email.SendConfirmationAsync(order.Email);
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Confirmation for {Order} failed", order.Id);
                }
            });
            _ = _email.SendConfirmationAsync(order.Email)
                .ContinueWith(t => _logger.LogError(t.Exception, "failed"), TaskContinuationOptions.OnlyOnFaulted);
            await _queue.EnqueueAsync(ct => _email.SendConfirmationAsync(order.Email));
            _ = order.Validate();
            return Ok();
        }

        [HttpGet("total")]
        public decimal Total(Order order)
        {
            var _ = ResendLaterAsync(order);
            _ = ResendLaterAsync(order);
            return order.Total;
        }

        [HttpPost("retry")]
        public IActionResult Retry(Order order)
        {
            if (!int.TryParse(order.Code, out _))
            {
                return BadRequest();
            }
            (_, var total) = order.Split();
            _ = Task.Delay(1000).ContinueWith(_ => _email.SendConfirmationAsync(order.Email));
            _ = ResendLaterAsync(order); // want ASY023
            return Accepted(total);
        }

        private async Task ResendLaterAsync(Order order)
        {
            await Task.Delay(TimeSpan.FromMinutes(1));
            await _email.SendConfirmationAsync(order.Email);
        }
    }

    public class Order
    {
        public int Id { get; set; }
        public string Email { get; set; }
        public string Code { get; set; }
        public decimal Total { get; set; }
        public bool Validate() => Total >= 0;
        public (int, decimal) Split() => (Id, Total);
    }
}
