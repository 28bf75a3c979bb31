using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Shop.Models;
using Shop.Services;

namespace Shop.Controllers;

[ApiController]
[Route("api/orders")]
public class OrdersController : ControllerBase
{
    private readonly IOrderService _orders;
    private readonly IEmailSender _email;

    public OrdersController(IOrderService orders, IEmailSender email)
    {
        _orders = orders;
        _email = email;
    }

    // Fine: awaits all the way down and passes the request's token on.
    [HttpGet("{id}")]
    public async Task<ActionResult<Order>> Get(int id, CancellationToken ct)
    {
        var order = await _orders.GetOrderAsync(id, ct);
        if (order is null)
        {
            return NotFound();
        }
        return order;
    }

    // ASY001: a synchronous action parks a thread-pool thread until the
    // database answers; under load the pool runs dry.
    [HttpGet("{id}/summary")]
    public ActionResult<string> Summary(int id)
    {
        var order = _orders.GetOrderAsync(id, CancellationToken.None).Result;
        return $"{order.Id}: {order.Total:C}";
    }

    [HttpPost]
    public async Task<IActionResult> Create(Order order, CancellationToken ct)
    {
        await _orders.SaveAsync(order, ct);
        // ASY004: the confirmation mail is started and forgotten; if it
        // fails, nobody ever hears about it.
        _email.SendConfirmationAsync(order.CustomerEmail, order.Id);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    [HttpPost("{id}/retry")]
    public async Task<IActionResult> RetryPayment(int id, CancellationToken ct)
    {
        // ASY005: Thread.Sleep holds the request's thread for half a second;
        // Task.Delay would give it back to the pool.
        Thread.Sleep(500);
        var paid = await _orders.RetryPaymentAsync(id, ct);
        return paid ? Ok() : StatusCode(502);
    }

    // Fine: ActionResult<T>.Result is the action result, not a task.
    [HttpGet("{id}/status")]
    public async Task<IActionResult> Status(int id, CancellationToken ct)
    {
        ActionResult<Order> found = await Get(id, ct);
        if (found.Result is not null)
        {
            return found.Result;
        }
        return Ok(found.Value!.Status);
    }

    // Fine: the mail is awaited, so a failure reaches the caller.
    [HttpPost("{id}/resend")]
    public async Task<IActionResult> Resend(int id, CancellationToken ct)
    {
        var order = await _orders.GetOrderAsync(id, ct);
        if (order is null)
        {
            return NotFound();
        }
        await _email.SendConfirmationAsync(order.CustomerEmail, order.Id);
        return NoContent();
    }
}
