using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Fleetwise.Caching;
using Fleetwise.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Fleetwise.Web.Pages;

// Code-behind for Pages/FleetMap.razor (route "/fleets/{FleetId:guid}/map").
public partial class FleetMap : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<string, MarkerState> _markers = new(StringComparer.Ordinal);
    private IJSObjectReference? _mapModule;
    private Timer? _staleTimer;
    private Task? _feedLoop;
    private IReadOnlyList<Device> _devices = Array.Empty<Device>();
    private IReadOnlyList<Device> _visibleDevices = Array.Empty<Device>();
    private Device? _selected;
    private Position? _selectedPosition;
    private string _filter = string.Empty;
    private string? _error;
    private bool _loading = true;

    [Parameter]
    public Guid FleetId { get; set; }

    [Inject]
    private IDeviceRepository Devices { get; set; } = default!;

    [Inject]
    private ILastKnownPositionCache Positions { get; set; } = default!;

    [Inject]
    private IPositionFeed PositionFeed { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<FleetMap> Logger { get; set; } = default!;

    private sealed record MarkerState(Position Position, bool Stale);

    // Bound to the search box: @bind-value="Filter" @bind-value:event="oninput"
    private string Filter
    {
        get => _filter;
        set
        {
            _filter = value;
            ApplyFilter(value);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        try
        {
            _devices = await Devices.ListByFleetAsync(FleetId, _cts.Token);
            _visibleDevices = _devices;

            var known = await Positions.GetManyAsync(_devices.Select(d => d.Id.ToString()).ToList(), _cts.Token);
            foreach (var (deviceId, position) in known)
            {
                _markers[deviceId] = new MarkerState(position, Stale: DateTimeOffset.UtcNow - position.RecordedAt > StaleAfter);
            }

            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Failed to load fleet {FleetId}", FleetId);
            _error = "Could not load the fleet. Try again in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _mapModule = await JS.InvokeAsync<IJSObjectReference>("import", _cts.Token, "./js/fleetMap.js");
        await _mapModule.InvokeVoidAsync("init", _cts.Token, "fleet-map", _markers.Select(m => new { id = m.Key, m.Value.Position.Latitude, m.Value.Position.Longitude }));

        _feedLoop = ConsumeFeedAsync(_cts.Token);
        _staleTimer = new Timer(async _ => // want ASY003
        {
            var changed = await MarkStaleMarkersAsync();
            if (changed > 0)
            {
                await InvokeAsync(StateHasChanged);
            }
        }, null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private async Task ConsumeFeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in PositionFeed.SubscribeAsync(FleetId, cancellationToken))
            {
                _markers[change.DeviceId] = new MarkerState(change.Position, Stale: false);
                if (_mapModule is not null)
                {
                    await _mapModule.InvokeVoidAsync("moveMarker", cancellationToken, change.DeviceId, change.Position.Latitude, change.Position.Longitude);
                }

                InvokeAsync(StateHasChanged); // want ASY004
            }
        }
        catch (OperationCanceledException)
        {
            // component disposed
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Live position feed for fleet {FleetId} stopped", FleetId);
            _error = "Live updates stopped. Reload the page to reconnect.";
            await InvokeAsync(StateHasChanged);
        }
    }

    private async Task<int> MarkStaleMarkersAsync()
    {
        var threshold = DateTimeOffset.UtcNow - StaleAfter;
        var stale = _markers
            .Where(kv => !kv.Value.Stale && kv.Value.Position.RecordedAt < threshold)
            .Select(kv => kv.Key)
            .ToList();

        foreach (var deviceId in stale)
        {
            _markers[deviceId] = _markers[deviceId] with { Stale = true };
            if (_mapModule is not null)
            {
                await _mapModule.InvokeVoidAsync("dimMarker", deviceId);
            }
        }

        return stale.Count;
    }

    private async void ApplyFilter(string text) // want ASY002
    {
        await Task.Delay(250); // debounce keystrokes
        if (!string.Equals(text, _filter, StringComparison.Ordinal))
        {
            return;
        }

        _visibleDevices = string.IsNullOrWhiteSpace(text)
            ? _devices
            : _devices.Where(d => d.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)
                               || d.SerialNumber.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        StateHasChanged();
    }

    // @onclick="() => SelectDeviceAsync(device)"
    private async Task SelectDeviceAsync(Device device)
    {
        _selected = device;
        _selectedPosition = await Positions.GetAsync(device.Id.ToString(), _cts.Token);
        if (_mapModule is not null && _selectedPosition is not null)
        {
            await _mapModule.InvokeVoidAsync("focusMarker", _cts.Token, device.Id.ToString(), _selectedPosition.Latitude, _selectedPosition.Longitude);
        }
    }

    private async Task ExportCsvAsync()
    {
        var csv = new StringBuilder("device_id,latitude,longitude,recorded_at,stale\n");
        foreach (var (deviceId, marker) in _markers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            csv.Append(deviceId).Append(',')
               .Append(marker.Position.Latitude.ToString("F6")).Append(',')
               .Append(marker.Position.Longitude.ToString("F6")).Append(',')
               .Append(marker.Position.RecordedAt.ToString("O")).Append(',')
               .Append(marker.Stale ? "1" : "0").Append('\n');
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())); // want ASY020
        using var streamRef = new DotNetStreamReference(stream);
        await JS.InvokeVoidAsync("downloadFileFromStream", $"fleet-{FleetId:N}-positions.csv", streamRef);
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_staleTimer is not null)
        {
            await _staleTimer.DisposeAsync();
        }

        if (_feedLoop is not null)
        {
            try
            {
                await _feedLoop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_mapModule is not null)
        {
            try
            {
                await _mapModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // circuit already gone
            }
        }

        _cts.Dispose();
        GC.SuppressFinalize(this);
    }
}
