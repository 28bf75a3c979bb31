using System;
using System.Threading;
using System.Threading.Tasks;
using System.Windows;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Shop.Desktop
{
    public partial class OrdersWindow : Window
    {
        private readonly Func<Task> _reload;

        public OrdersWindow(Func<Task> reload)
        {
            _reload = reload;
            Loaded += OnLoaded;
            Closing += async (s, e) => Title = "Closing 閉じる 👋"; // want ASY007
            Activated += async (s, e) => await _reload();
        }

        private async void OnLoaded(object sender, RoutedEventArgs e) // want ASY007
        {
            Title = "Orders";
        }

        private async void OnSaveClick(object sender, RoutedEventArgs e)
        {
            try
            {
                await _reload();
            }
            catch (Exception ex)
            {
                MessageBox.Show(ex.Message);
            }
        }

        private async void OnRetryClick(object sender, RoutedEventArgs e)
        {
            try
            {
                Title = "Retrying";
            }
            finally
            {
                await _reload();
            }
        }

        private async void OnDeleteClick(object sender, RoutedEventArgs e)
        {
            var ok = MessageBox.Show("Delete?") == MessageBoxResult.OK ? await Confirm() : false;
            Title = $"Deleted: {ok} at {await Clock()}";
        }

        private static Task<bool> Confirm() => Task.FromResult(true);

        private static Task<string> Clock() => Task.FromResult(DateTime.Now.ToString());
    }

    public sealed class OrdersPage : ComponentBase
    {
        private string[] _items = Array.Empty<string>();

        protected override async Task OnInitializedAsync() // want ASY007
        {
            _items = new[] { "a", "b" };
        }

        protected override async Task OnParametersSetAsync()
        {
            _items = await Task.Run(() => new[] { "c" });
        }
    }

    public sealed class HeartbeatWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken) // want ASY007
        {
            var timer = new Timer(async _ => await BeatAsync(), null, 0, 1000);
            stoppingToken.Register(() => timer.Dispose());
        }

        private static async Task BeatAsync()
        {
            using var cts = new CancellationTokenSource(await Timeout());
            switch (await Mode())
            {
                case 1:
                    return;
            }
        }

        private static Task<int> Mode() => Task.FromResult(1);

        private static Task<TimeSpan> Timeout() => Task.FromResult(TimeSpan.FromSeconds(1));
    }

    public sealed class OrdersWindowTests
    {
        [Fact]
        public async Task TitleStartsEmpty() // want ASY007
        {
            Assert.Equal(1, 1);
        }

        [Fact]
        public async Task ReloadRuns()
        {
            var ran = false;
            Func<Task> reload = () => { ran = true; return Task.CompletedTask; };
            await reload();
            Assert.True(ran);
        }
    }
}
