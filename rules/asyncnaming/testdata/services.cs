using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;

namespace Shop.Services
{
    public interface IInventory
    {
        Task<int> GetStock(string sku); // want ASY013
        Task ReserveAsync(string sku, int count);
        void ReleaseAsync(string sku); // want ASY013
        IAsyncEnumerable<string> ListAsync();
        IAsyncEnumerable<string> Watch(); // want ASY013
    }

    public sealed class SkuFeed : IAsyncEnumerable<string>
    {
        public IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    public class Inventory : IInventory, IDisposable
    {
        public Task<int> GetStock(string sku) => Task.FromResult(0);
        public Task ReserveAsync(string sku, int count) => Task.CompletedTask;
        public void ReleaseAsync(string sku) { }
        public async IAsyncEnumerable<string> ListAsync()
        {
            await Task.Yield();
            yield return "sku";
        }
        public IAsyncEnumerable<string> Watch() => new SkuFeed();
        public SkuFeed Feed() => new SkuFeed(); // want ASY013
        public SkuFeed FeedAsync() => new SkuFeed();
        public IEnumerable<string> Skus() => Array.Empty<string>();
        public IAsyncEnumerator<string> Cursor() => new SkuFeed().GetAsyncEnumerator();

        public Task Refresh() => Task.CompletedTask; // want ASY013
        public async Task<bool> Probe() // want ASY013
        {
            await Task.Delay(1);
            return true;
        }
        public bool ValidateAsync(string sku) => sku != null; // want ASY013
        public ValueTask<int> Count() => new ValueTask<int>(0); // want ASY013
        public async void NotifyAsync() => await Task.Yield(); // want ASY013
        public void Dispose() { }

        private async Task Warmup() // want ASY013
        {
            await LoadCache();
            async Task LoadCache() => await Task.Delay(1); // want ASY013
        }
    }

    public abstract class JobBase
    {
        public abstract Task Run(); // want ASY013
    }

    public sealed class CleanupJob : JobBase
    {
        public override Task Run() => Task.CompletedTask;
    }

    public sealed record GetPrice(string Sku) : IRequest<decimal>;

    public sealed class GetPriceHandler : IRequestHandler<GetPrice, decimal>
    {
        public Task<decimal> Handle(GetPrice request, CancellationToken cancellationToken) => Task.FromResult(1m);
    }

    public sealed class ChatHub : Hub
    {
        public Task SendMessage(string user, string text) => Clients.All.SendAsync("message", user, text);
    }

    [ApiController]
    [Route("api/stock")]
    public sealed class StockController : ControllerBase
    {
        [HttpGet("{sku}")]
        public async Task<IActionResult> Get(string sku) => Ok(await Task.FromResult(sku));

        public Task<IActionResult> Details(string sku) => Task.FromResult<IActionResult>(Ok(sku));
    }

    public sealed class TimingMiddleware
    {
        private readonly RequestDelegate _next;

        public TimingMiddleware(RequestDelegate next) => _next = next;

        public Task Invoke(HttpContext context) => _next(context);
    }

    public sealed class Worker : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }

    public sealed class LegacyDownloader
    {
        public event EventHandler DownloadCompleted;
        public void DownloadAsync(string url) { }
    }

    public static class Program
    {
        public static async Task Main(string[] args) => await Task.Delay(1);
    }

    public sealed class Screen
    {
        public Screen(Button save) => save.Click += Save_Click;

        private async void Save_Click(object sender, EventArgs e) => await Task.Yield();

        private async void OnTick(object sender, ElapsedEventArgs e) => await Task.Yield();

        public Task<string> Title => Task.FromResult("x");
    }
}
