using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Fleetwise.Driver.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Controls;
using Microsoft.Maui.Dispatching;
using Microsoft.Maui.Networking;

namespace Fleetwise.Driver.ViewModels;

public partial class VehicleListViewModel : ObservableObject, IDisposable
{
    private readonly IFleetApiClient _api;
    private readonly IOfflineVehicleStore _offlineStore;
    private readonly IConnectivity _connectivity;
    private readonly IDispatcher _dispatcher;
    private readonly ILogger<VehicleListViewModel> _logger;
    private List<VehicleItem> _all = new();
    private CancellationTokenSource? _searchCts;

    [ObservableProperty]
    private bool _isBusy;

    [ObservableProperty]
    private string? _statusMessage;

    [ObservableProperty]
    private string _searchText = string.Empty;

    public VehicleListViewModel(
        IFleetApiClient api,
        IOfflineVehicleStore offlineStore,
        IConnectivity connectivity,
        IDispatcher dispatcher,
        ILogger<VehicleListViewModel> logger)
    {
        _api = api;
        _offlineStore = offlineStore;
        _connectivity = connectivity;
        _dispatcher = dispatcher;
        _logger = logger;

        _connectivity.ConnectivityChanged += OnConnectivityChanged;
        LoadCachedVehicles();
    }

    public ObservableCollection<VehicleItem> Vehicles { get; } = new();
    public ObservableCollection<TripSummary> Trips { get; } = new();

    private async void LoadCachedVehicles() // want ASY002
    {
        var cached = await _offlineStore.LoadVehiclesAsync();
        _all = cached.ToList();
        foreach (var vehicle in _all)
        {
            Vehicles.Add(vehicle);
        }

        StatusMessage = cached.Count == 0 ? "Pull to refresh" : $"Showing {cached.Count} cached vehicles";
    }

    private async void OnConnectivityChanged(object? sender, ConnectivityChangedEventArgs e) // want ASY018
    {
        if (e.NetworkAccess != NetworkAccess.Internet)
        {
            StatusMessage = "Offline - showing cached data";
            return;
        }

        await RefreshAsync(CancellationToken.None);
        _logger.LogInformation("Connectivity restored ({Profiles}); vehicle list refreshed", string.Join(",", e.ConnectionProfiles));
    }

    [RelayCommand(IncludeCancelCommand = true)]
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (IsBusy)
        {
            return;
        }

        IsBusy = true;
        try
        {
            var vehicles = await _api.GetVehiclesAsync(cancellationToken);
            _all = vehicles.OrderBy(v => v.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
            Vehicles.Clear();
            foreach (var vehicle in _all)
            {
                Vehicles.Add(vehicle);
            }

            await _offlineStore.SaveVehiclesAsync(vehicles, cancellationToken);
            StatusMessage = $"Updated {DateTime.Now:t}";
        }
        catch (OperationCanceledException)
        {
            StatusMessage = "Refresh cancelled";
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "Vehicle refresh failed");
            StatusMessage = "Could not reach Fleetwise - showing cached data";
        }
        finally
        {
            IsBusy = false;
        }
    }

    [RelayCommand]
    private async Task LoadTripsAsync(VehicleItem vehicle, CancellationToken cancellationToken)
    {
        Trips.Clear();
        var from = DateOnly.FromDateTime(DateTime.Today.AddDays(-30));
        await foreach (var trip in _api.StreamTripsAsync(vehicle.Id, from)) // want ASY027
        {
            Trips.Add(trip);
            if (Trips.Count >= 200)
            {
                break;
            }
        }

        StatusMessage = $"{Trips.Count} trips in the last 30 days";
    }

    [RelayCommand]
    private async Task PingVehicleAsync(VehicleItem vehicle, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await _api.SendCommandAsync(vehicle.Id, "ping", cancellationToken);
            vehicle.LastPingMs = ack.RoundTripMs;

            var recent = await _api.GetVehicleHistoryAsync(vehicle.Id); // want ASY012
            vehicle.TripsThisWeek = recent.Count;
            StatusMessage = $"{vehicle.DisplayName} answered in {ack.RoundTripMs} ms";
        }
        catch (VehicleBusyException)
        {
            StatusMessage = $"{vehicle.DisplayName} is busy, try again shortly";
        }
    }

    [RelayCommand]
    private async Task OpenVehicleAsync(VehicleItem vehicle) // want ASY009
    {
        var parameters = new Dictionary<string, object> { ["vehicle"] = vehicle };
        await Shell.Current.GoToAsync("vehicle-details", parameters);
    }

    partial void OnSearchTextChanged(string value)
    {
        _searchCts?.Cancel();
        _searchCts = new CancellationTokenSource();
        _ = FilterAsync(value, _searchCts.Token);
    }

    private async Task FilterAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(300, cancellationToken);
            var matches = string.IsNullOrWhiteSpace(text)
                ? _all
                : _all.Where(v => v.DisplayName.Contains(text, StringComparison.CurrentCultureIgnoreCase)).ToList();

            await _dispatcher.DispatchAsync(() =>
            {
                Vehicles.Clear();
                matches.ForEach(Vehicles.Add);
            });
        }
        catch (OperationCanceledException)
        {
            // superseded by a newer keystroke
        }
    }

    public void ApplySort(string? choice)
    {
        IEnumerable<VehicleItem> sorted = choice switch
        {
            "Last seen" => _all.OrderByDescending(v => v.LastSeenUtc),
            "Odometer" => _all.OrderByDescending(v => v.OdometerKm),
            _ => _all.OrderBy(v => v.DisplayName, StringComparer.CurrentCultureIgnoreCase),
        };

        _all = sorted.ToList();
        Vehicles.Clear();
        _all.ForEach(Vehicles.Add);
    }

    public void Dispose()
    {
        _connectivity.ConnectivityChanged -= OnConnectivityChanged;
        _searchCts?.Cancel();
        _searchCts?.Dispose();
    }
}

// Code-behind for Views/VehicleListPage.xaml.
public partial class VehicleListPage : ContentPage
{
    private readonly VehicleListViewModel _viewModel;

    public VehicleListPage(VehicleListViewModel viewModel)
    {
        InitializeComponent();
        BindingContext = _viewModel = viewModel;
    }

    protected override async void OnAppearing()
    {
        try
        {
            base.OnAppearing();
            if (_viewModel.Vehicles.Count <= 1)
            {
                await _viewModel.RefreshCommand.ExecuteAsync(null);
            }
        }
        catch (Exception ex)
        {
            await DisplayAlert("Fleetwise", $"Could not refresh vehicles: {ex.Message}", "OK");
        }
    }

    private async void OnSortClicked(object sender, EventArgs e)
    {
        try
        {
            var choice = await DisplayActionSheet("Sort by", "Cancel", null, "Name", "Last seen", "Odometer");
            _viewModel.ApplySort(choice);
        }
        catch (Exception ex)
        {
            System.Diagnostics.Debug.WriteLine($"Sort failed: {ex}");
        }
    }
}
