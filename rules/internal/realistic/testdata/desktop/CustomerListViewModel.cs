using System;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using System.Windows.Input;
using CommunityToolkit.Mvvm.Input;
using Shop.Domain;

namespace Shop.Desktop.ViewModels;

public sealed class CustomerListViewModel : INotifyPropertyChanged
{
    private readonly ICustomerApi _api;
    private bool _isBusy;
    private string _filter = "";
    private string? _error;

    public CustomerListViewModel(ICustomerApi api)
    {
        _api = api;
        RefreshCommand = new AsyncRelayCommand(RefreshAsync);
        DeleteCommand = new AsyncRelayCommand<Customer>(DeleteAsync);
        ExportCommand = new RelayCommand(async () => await ExportAsync()); // want ASY003
        Initialize();
    }

    public event PropertyChangedEventHandler? PropertyChanged;

    public ObservableCollection<Customer> Customers { get; } = new();
    public IAsyncRelayCommand RefreshCommand { get; }
    public IAsyncRelayCommand<Customer> DeleteCommand { get; }
    public ICommand ExportCommand { get; }

    public bool IsBusy
    {
        get => _isBusy;
        private set => Set(ref _isBusy, value);
    }

    public string Filter
    {
        get => _filter;
        set
        {
            if (Set(ref _filter, value))
            {
                _ = RefreshAsync();
            }
        }
    }

    public string? Error
    {
        get => _error;
        private set => Set(ref _error, value);
    }

    private async void Initialize() // want ASY002
    {
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        IsBusy = true;
        Error = null;
        try
        {
            var customers = await _api.ListAsync(_filter, CancellationToken.None);
            Customers.Clear();
            foreach (var customer in customers.OrderBy(c => c.DisplayName))
            {
                Customers.Add(customer);
            }
        }
        catch (Exception ex)
        {
            Error = ex.Message;
        }
        finally
        {
            IsBusy = false;
        }
    }

    private async Task DeleteAsync(Customer? customer)
    {
        if (customer is null)
        {
            return;
        }

        await _api.DeleteAsync(customer.Id, CancellationToken.None);
        Customers.Remove(customer);
    }

    private async Task ExportAsync() // want ASY009
    {
        var lines = Customers.Select(c => $"{c.Id},{c.Email},{c.DisplayName}");
        await _api.UploadExportAsync(string.Join("\n", lines), CancellationToken.None);
    }

    private bool Set<T>(ref T field, T value, [CallerMemberName] string? name = null)
    {
        if (Equals(field, value))
        {
            return false;
        }

        field = value;
        PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(name));
        return true;
    }
}

public interface ICustomerApi
{
    Task<Customer[]> ListAsync(string filter, CancellationToken cancellationToken);
    Task DeleteAsync(int id, CancellationToken cancellationToken);
    Task UploadExportAsync(string csv, CancellationToken cancellationToken);
}
