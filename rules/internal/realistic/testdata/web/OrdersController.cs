using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Shop.Contracts;
using Shop.Domain;
using Shop.Services;

namespace Shop.Web.Controllers;

[ApiController]
[Route("api/orders")]
[Authorize]
public class OrdersController : ControllerBase
{
    private readonly IOrderService _orders;
    private readonly IPricingService _pricing;
    private readonly ILogger<OrdersController> _logger;

    public OrdersController(IOrderService orders, IPricingService pricing, ILogger<OrdersController> logger)
    {
        _orders = orders;
        _pricing = pricing;
        _logger = logger;
    }

    [HttpGet("{id:int}")]
    public async Task<ActionResult<OrderDto>> Get(int id, CancellationToken cancellationToken)
    {
        var order = await _orders.GetOrderAsync(id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        return Ok(OrderDto.From(order));
    }

    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<OrderDto>>> List([FromQuery] int page, [FromQuery] int pageSize, CancellationToken cancellationToken)
    {
        if (pageSize <= 0 || pageSize > 200)
        {
            return BadRequest("pageSize must be between 1 and 200");
        }

        var orders = await _orders.ListOrdersAsync(page, pageSize, cancellationToken);
        return Ok(orders.Select(OrderDto.From).ToList());
    }

    [HttpPost]
    public async Task<ActionResult<OrderDto>> Create(CreateOrderRequest request, CancellationToken cancellationToken)
    {
        var quote = await _pricing.QuoteAsync(request.Lines, cancellationToken);
        var order = await _orders.PlaceOrderAsync(request.CustomerId, request.Lines, quote, cancellationToken);
        _logger.LogInformation("Order {OrderId} placed for customer {CustomerId}", order.Id, request.CustomerId);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, OrderDto.From(order));
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken)
    {
        var cancelled = await _orders.CancelOrderAsync(id); // want ASY012
        return cancelled ? NoContent() : Conflict();
    }

    [HttpGet("{id:int}/invoice")]
    public async Task<IActionResult> Invoice(int id, CancellationToken cancellationToken)
    {
        var order = await _orders.GetOrderAsync(id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        // Rendering the PDF is CPU heavy, so the author pushed it to the pool.
        var pdf = await Task.Run(() => InvoiceRenderer.Render(order)); // want ASY025
        return File(pdf, "application/pdf", $"invoice-{id}.pdf");
    }

    [HttpGet("{id:int}/total")]
    public ActionResult<decimal> Total(int id)
    {
        var order = _orders.GetOrderAsync(id).Result; // want ASY001 ASY012
        if (order is null)
        {
            return NotFound();
        }

        return order.Lines.Sum(l => l.Quantity * l.UnitPrice);
    }

    [HttpGet("summary")]
    public async Task<ActionResult<OrderSummary>> Summary(CancellationToken cancellationToken)
    {
        var open = _orders.CountOrdersAsync(OrderStatus.Open, cancellationToken);
        var shipped = _orders.CountOrdersAsync(OrderStatus.Shipped, cancellationToken);
        await Task.WhenAll(open, shipped);
        return new OrderSummary(open.Result, shipped.Result);
    }

    [NonAction]
    public async Task WarmUpAsync(CancellationToken cancellationToken) // want ASY009
    {
        await Task.Run(() => InvoiceRenderer.WarmUp(), cancellationToken);
    }
}

public sealed record OrderSummary(int Open, int Shipped);
