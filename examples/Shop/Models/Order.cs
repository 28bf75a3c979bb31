namespace Shop.Models;

public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
}

public class Order
{
    public int Id { get; set; }
    public string CustomerEmail { get; set; } = "";
    public decimal Total { get; set; }
    public OrderStatus Status { get; set; }
}
