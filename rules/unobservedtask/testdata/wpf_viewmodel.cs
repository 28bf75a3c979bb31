using System;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Threading;
using CommunityToolkit.Mvvm.Input;

namespace Shop.Desktop
{
    public interface ICatalogClient
    {
        Task<Product[]> GetProductsAsync();
        Task RefreshCacheAsync();
    }

    public sealed class Product
    {
        public string Name { get; set; }
    }

    public sealed class CatalogViewModel : INotifyPropertyChanged
    {
        private readonly ICatalogClient _client;
        private readonly Dispatcher _dispatcher;
        private string _status = "待機中 ⏳";

        public CatalogViewModel(ICatalogClient client, Dispatcher dispatcher)
        {
            _client = client;
            _dispatcher = dispatcher;
            LoadCommand = new AsyncRelayCommand(LoadAsync);
            LoadAsync(); // want ASY004
        }

        public event PropertyChangedEventHandler PropertyChanged;

        public ObservableCollection<Product> Products { get; } = new ObservableCollection<Product>();

        public IAsyncRelayCommand LoadCommand { get; }

        public string Status
        {
            get => _status;
            set
            {
                _status = value;
                PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(nameof(Status)));
                _client.RefreshCacheAsync(); // want ASY004
            }
        }

        public async Task LoadAsync()
        {
            Status = "Loading";
            var products = await _client.GetProductsAsync();
            _dispatcher.InvokeAsync(() => Products.Clear());
            foreach (var p in products)
            {
                Products.Add(p);
            }
            LoadCommand.ExecuteAsync(null); // want ASY004
        }
    }

    public partial class MainWindow : Window
    {
        private readonly CatalogViewModel _vm;

        public MainWindow(CatalogViewModel vm)
        {
            _vm = vm;
            Loaded += OnLoaded;
        }

        private async void OnLoaded(object sender, RoutedEventArgs e)
        {
            _vm.LoadAsync(); // want ASY004
            Dispatcher.InvokeAsync(() => Title = "Catalog");
            this.Dispatcher.InvokeAsync(() => Title = "Catalog");
            Application.Current.Dispatcher.InvokeAsync(() => Title = "Catalog");
            await _vm.LoadAsync();
            await Dispatcher.InvokeAsync(() => Title = "Ready");
        }

        private void OnRefreshClick(object sender, RoutedEventArgs e)
        {
            _vm.LoadCommand.ExecuteAsync(null); // want ASY004
            _vm.LoadCommand.Execute(null);
        }
    }
}
