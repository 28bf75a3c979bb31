using System;
using System.Collections.Generic;
using System.Linq;

namespace Shop.Domain;

public enum OrderStatus
{
    Open,
    Paid,
    Shipped,
    Cancelled,
}

public sealed class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public OrderStatus Status { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = new();
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public sealed class OrderLine
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

public sealed class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public bool Discontinued { get; set; }
}

public sealed class Customer
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTimeOffset? LastOrderAt { get; set; }
}

public sealed class StockItem
{
    public string Sku { get; set; } = "";
    public int Available { get; set; }
    public byte[] RowVersion { get; set; } = Array.Empty<byte>();
}

public sealed record PriceQuote(decimal Subtotal, decimal Tax, decimal Shipping)
{
    public decimal Total => Subtotal + Tax + Shipping;
}

public sealed class OrderDto
{
    public int Id { get; init; }
    public string Status { get; init; } = "";
    public decimal Total { get; init; }

    public static OrderDto From(Order order) => new()
    {
        Id = order.Id,
        Status = order.Status.ToString(),
        Total = order.Total,
    };
}

public sealed class CreateOrderRequest
{
    public int CustomerId { get; set; }
    public List<OrderLine> Lines { get; set; } = new();
}
