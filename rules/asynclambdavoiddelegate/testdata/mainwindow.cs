using System;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Threading;

namespace Shop.Desktop
{
    public partial class MainWindow : Window
    {
        private readonly IOrderClient _client;

        public MainWindow(IOrderClient client)
        {
            _client = client;
            InitializeComponent();
            RefreshButton.Click += async (s, e) => await RefreshAsync();
            Loaded += async delegate { await RefreshAsync(); };
        }

        private void OnTick(object sender, EventArgs e)
        {
            Dispatcher.Invoke(async () => await RefreshAsync());
            Dispatcher.BeginInvoke(new Action(async () => await RefreshAsync())); // want ASY003
            Dispatcher.BeginInvoke((Action)(async () => await RefreshAsync())); // want ASY003
            Dispatcher.InvokeAsync(() => StatusText.Text = "refreshing");
            UiHelpers.RunSafe(async () => await RefreshAsync()); // want ASY003
            UiHelpers.RunSafeAsync(async () => await RefreshAsync());
            UiHelpers.Retry(async () => await RefreshAsync());
            RunLater(async () => await RefreshAsync()); // want ASY003
            Schedule(() => StatusText.Text = "scheduled");
        }

        private void RunLater(Action action) => Dispatcher.BeginInvoke(action);

        private void Schedule(Action action, int delayMs = 0) => Dispatcher.BeginInvoke(action);

        private async Task RefreshAsync()
        {
            var orders = await _client.GetOrdersAsync();
            OrdersGrid.ItemsSource = orders;
        }
    }

    public static class UiHelpers
    {
        public static void RunSafe(Action action)
        {
            try { action(); } catch (Exception ex) { MessageBox.Show(ex.Message); }
        }

        public static async Task RunSafeAsync(Func<Task> action)
        {
            try { await action(); } catch (Exception ex) { MessageBox.Show(ex.Message); }
        }

        public static void Retry(Action action) => action();

        public static Task Retry(Func<Task> action) => action();
    }

    public interface IOrderClient
    {
        Task<object[]> GetOrdersAsync();
    }
}
