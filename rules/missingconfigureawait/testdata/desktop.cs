using System;
using System.ComponentModel;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;
using CommunityToolkit.Mvvm.ComponentModel;
using Xunit;

namespace Acme.Desktop
{
    public partial class MainWindow : Window
    {
        private readonly Acme.Storage.IBlobStore _store;

        public MainWindow(Acme.Storage.IBlobStore store) => _store = store;

        private async Task RefreshAsync()
        {
            var exists = await _store.ExistsAsync("settings.json");
            Title = exists ? "Ready" : "Missing";
        }

        private async Task FillAsync(System.Collections.Generic.IAsyncEnumerable<string> names, IAsyncDisposable busy)
        {
            await using (busy)
            {
                await foreach (var name in names)
                {
                    Title = name;
                }
            }
        }
    }

    public partial class OrdersViewModel : ObservableObject
    {
        private readonly Acme.Storage.IBlobStore _store;

        public OrdersViewModel(Acme.Storage.IBlobStore store) => _store = store;

        public async Task LoadAsync()
        {
            await _store.DeleteAsync("cache");
        }
    }

    public sealed class Toolbar
    {
        private readonly Acme.Storage.IBlobStore _store;

        public Toolbar(Button save, Acme.Storage.IBlobStore store)
        {
            _store = store;
            save.Click += OnSaveClick;
            save.Click += async (s, e) => await _store.DeleteAsync("draft");
        }

        private async void OnSaveClick(object sender, RoutedEventArgs e)
        {
            await _store.DeleteAsync("draft");
        }

        public async Task SaveAsync()
        {
            await _store.DeleteAsync("draft"); // want ASY011
        }
    }

    public class StorageTests
    {
        [Fact]
        public async Task Deletes()
        {
            var store = new FakeStore();
            await store.DeleteAsync("x");
        }
    }

    public class FakeStore
    {
        public Task DeleteAsync(string name) => Task.CompletedTask;
    }
}

namespace Acme.Web
{
    using Microsoft.AspNetCore.Mvc;

    [ApiController]
    public sealed class BlobsController : ControllerBase
    {
        private readonly Acme.Storage.IBlobStore _store;

        public BlobsController(Acme.Storage.IBlobStore store) => _store = store;

        [HttpDelete("{name}")]
        public async Task<IActionResult> Delete(string name)
        {
            await _store.DeleteAsync(name);
            return NoContent();
        }
    }
}
