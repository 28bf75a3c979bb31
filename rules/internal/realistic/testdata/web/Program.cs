using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Data;
using Shop.Services;
using Shop.Web.Middleware;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ShopDbContext>(options =>
    options.UseSqlServer(builder.Configuration.GetConnectionString("Shop")));
builder.Services.AddScoped<IOrderService, OrderService>();
builder.Services.AddScoped<IProductRepository, ProductRepository>();
builder.Services.AddHttpClient<PaymentGatewayClient>(client =>
{
    client.BaseAddress = new Uri(builder.Configuration["Payments:BaseUrl"]!);
    client.Timeout = TimeSpan.FromSeconds(15);
});
builder.Services.AddHostedService<Shop.Workers.QueueProcessorWorker>();
builder.Services.AddControllers();

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();
app.MapControllers();

app.MapGet("/health/live", () => Results.Ok(new { status = "alive" }));

app.MapGet("/api/stock/{sku}", async (string sku, ShopDbContext db, CancellationToken ct) =>
{
    var item = await db.StockItems.AsNoTracking().FirstOrDefaultAsync(s => s.Sku == sku, ct);
    return item is null ? Results.NotFound() : Results.Ok(item);
});

app.MapGet("/api/stock", async (ShopDbContext db, CancellationToken ct) =>
    Results.Ok(await db.StockItems.AsNoTracking().OrderBy(s => s.Sku).Take(100).ToListAsync(ct)));

app.MapPost("/api/stock/{sku}/reserve", async (string sku, int quantity, ShopDbContext db, CancellationToken ct) =>
{
    var item = await db.StockItems.SingleOrDefaultAsync(s => s.Sku == sku, ct);
    if (item is null)
    {
        return Results.NotFound();
    }

    if (item.Available < quantity)
    {
        return Results.Conflict(new { item.Available });
    }

    item.Available -= quantity;
    await db.SaveChangesAsync(); // want ASY012
    return Results.NoContent();
});

app.MapGet("/api/reports/daily", async (IReportGenerator reports, CancellationToken ct) =>
{
    var csv = await Task.Run(() => reports.BuildDailyCsv(DateTime.UtcNow.Date)); // want ASY025
    return Results.Text(csv, "text/csv");
});

app.MapGet("/api/exchange/{currency}", (string currency, IHttpClientFactory factory) =>
{
    var client = factory.CreateClient("fx");
    var rate = client.GetFromJsonAsync<decimal>($"rates/{currency}").Result; // want ASY001
    return Results.Ok(rate);
});

app.MapGet("/api/version", async () => typeof(Program).Assembly.GetName().Version?.ToString() ?? "dev"); // want ASY007

app.MapDelete("/api/cache", async (ICacheService cache, CancellationToken ct) =>
{
    await cache.ClearAsync(ct);
    return Results.NoContent();
});

await app.RunAsync();

public partial class Program
{
}
