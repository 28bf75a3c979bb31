using System;
using System.Threading;
using System.Threading.Tasks;
using System.Windows;

namespace Shop.Desktop
{
    public partial class StatusWindow : Window
    {
        private readonly IStatusClient _client;
        private readonly TaskScheduler _ui = TaskScheduler.FromCurrentSynchronizationContext();

        public StatusWindow(IStatusClient client) => _client = client;

        private void OnLoaded(object sender, RoutedEventArgs e)
        {
            _client.GetStatusAsync().ContinueWith(t => StatusText.Text = t.Result, _ui);
            _client.GetStatusAsync().ContinueWith(t => StatusText.Text = t.Result, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, _ui);
            _client.GetStatusAsync().ContinueWith(t => ShowError(t.Exception), TaskScheduler.FromCurrentSynchronizationContext());
            _client.GetStatusAsync()
                .ContinueWith(t => ShowError(t.Exception), TaskContinuationOptions.OnlyOnFaulted); // want ASY016
            Task.Factory.StartNew(() => _client.Ping(), CancellationToken.None, TaskCreationOptions.None, _ui);
            _client.GetStatusAsync().ContinueWith(
                t => ShowError(t.Exception),
                // only failures need the UI
                _ui);
        }

        private void ShowError(Exception ex) => MessageBox.Show(ex?.Message);
    }

    public interface IStatusClient
    {
        Task<string> GetStatusAsync();
        void Ping();
    }
}
