using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Shop.Domain;
using Shop.Services;

namespace Shop.Web.Pages;

public sealed class CheckoutModel : PageModel
{
    private readonly IOrderService _orders;
    private readonly IPricingService _pricing;
    private readonly PaymentGatewayClient _payments;
    private readonly ICartStore _carts;
    private readonly ILogger<CheckoutModel> _logger;

    public CheckoutModel(IOrderService orders, IPricingService pricing, PaymentGatewayClient payments, ICartStore carts, ILogger<CheckoutModel> logger)
    {
        _orders = orders;
        _pricing = pricing;
        _payments = payments;
        _carts = carts;
        _logger = logger;
    }

    [BindProperty]
    public CheckoutInput Input { get; set; } = new();

    public IReadOnlyList<OrderLine> Lines { get; private set; } = Array.Empty<OrderLine>();

    public PriceQuote? Quote { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var cart = await _carts.GetAsync(User.Identity?.Name ?? "", cancellationToken);
        if (cart.Count == 0)
        {
            return RedirectToPage("/Cart");
        }

        Lines = cart;
        Quote = await _pricing.QuoteAsync(cart, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await OnGetAsync(cancellationToken);
        }

        var userName = User.Identity?.Name ?? "";
        var cart = await _carts.GetAsync(userName, cancellationToken);
        var quote = await _pricing.QuoteAsync(cart, cancellationToken);
        var idempotencyKey = $"{userName}:{Input.CartVersion}";
        var payment = await _payments.ChargeAsync(new ChargeRequest(userName, quote.Total, "EUR", idempotencyKey), cancellationToken);
        if (!payment.Ok)
        {
            ModelState.AddModelError(string.Empty, $"Payment declined: {payment.Detail}");
            return await OnGetAsync(cancellationToken);
        }

        var order = await _orders.PlaceOrderAsync(Input.CustomerId, cart, quote, cancellationToken);
        await _carts.ClearAsync(userName); // want ASY012
        _logger.LogInformation("Checkout completed: order {OrderId}", order.Id);
        return RedirectToPage("/Orders/Confirmation", new { id = order.Id });
    }

    public async Task<IActionResult> OnPostEstimateShippingAsync(string postcode, CancellationToken cancellationToken)
    {
        var cart = await _carts.GetAsync(User.Identity?.Name ?? "", cancellationToken);
        var weight = await Task.Run(() => cart.Sum(l => EstimateWeightKg(l.Sku) * l.Quantity)); // want ASY025
        return new JsonResult(new { postcode, weight, cost = weight * 1.8m });
    }

    public IActionResult OnGetSummary()
    {
        var quote = Quote ?? new PriceQuote(0, 0, 0);
        return new JsonResult(new { quote.Subtotal, quote.Total });
    }

    private static decimal EstimateWeightKg(string sku) => sku.StartsWith("HVY", StringComparison.Ordinal) ? 12.5m : 0.8m;
}

public sealed class CheckoutInput
{
    [Required]
    public int CustomerId { get; set; }

    [Required]
    public string CartVersion { get; set; } = "";

    [Required]
    [StringLength(120)]
    public string ShippingName { get; set; } = "";
}

public interface ICartStore
{
    Task<IReadOnlyList<OrderLine>> GetAsync(string user, CancellationToken cancellationToken = default);
    Task ClearAsync(string user, CancellationToken cancellationToken = default);
}
