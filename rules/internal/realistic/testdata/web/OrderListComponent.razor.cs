using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Shop.Domain;

namespace Shop.Web.Components;

public partial class OrderList : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private List<OrderDto> _orders = new();
    private bool _loading;
    private string? _error;
    private Timer? _refreshTimer;

    [Inject]
    public HttpClient Http { get; set; } = null!;

    [Parameter]
    public int PageSize { get; set; } = 20;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _refreshTimer = new Timer(_ => InvokeAsync(LoadAsync), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)); // want ASY004
    }

    protected override async Task OnParametersSetAsync() // want ASY009
    {
        if (PageSize is < 1 or > 100)
        {
            PageSize = 20;
        }

        await base.OnParametersSetAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            var page = await Http.GetFromJsonAsync<List<OrderDto>>($"api/orders?page=1&pageSize={PageSize}", _disposed.Token);
            _orders = page ?? new List<OrderDto>();
        }
        catch (OperationCanceledException)
        {
        }
        catch (HttpRequestException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _loading = false;
            StateHasChanged();
        }
    }

    private async Task CancelOrderAsync(int id)
    {
        using var response = await Http.PostAsync($"api/orders/{id}/cancel", null, _disposed.Token);
        if (response.IsSuccessStatusCode)
        {
            _orders.RemoveAll(o => o.Id == id);
        }
        else
        {
            _error = $"Could not cancel order {id}";
        }
    }

    private async void OnRowDoubleClick(int id) // want ASY002
    {
        await CancelOrderAsync(id);
        StateHasChanged();
    }

    private decimal Total => _orders.Sum(o => o.Total);

    public void Dispose()
    {
        _refreshTimer?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
