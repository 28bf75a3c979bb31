using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Maui.Controls;
using Shop.Domain;

namespace Shop.Mobile;

public partial class CartPage : ContentPage
{
    private readonly ICartApi _api;
    private CancellationTokenSource? _loadCts;

    public CartPage(ICartApi api)
    {
        InitializeComponent();
        _api = api;
        BindingContext = this;
    }

    public ObservableCollection<OrderLine> Lines { get; } = new();

    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);

    protected override async void OnAppearing() // want ASY018
    {
        base.OnAppearing();
        _loadCts = new CancellationTokenSource();
        var lines = await _api.GetCartAsync(_loadCts.Token);
        Lines.Clear();
        foreach (var line in lines)
        {
            Lines.Add(line);
        }

        OnPropertyChanged(nameof(Total));
    }

    protected override void OnDisappearing()
    {
        _loadCts?.Cancel();
        base.OnDisappearing();
    }

    private async void OnRemoveClicked(object sender, EventArgs e)
    {
        if (sender is not Button { CommandParameter: OrderLine line })
        {
            return;
        }

        try
        {
            await _api.RemoveAsync(line.Sku, CancellationToken.None);
            Lines.Remove(line);
            OnPropertyChanged(nameof(Total));
        }
        catch (Exception ex)
        {
            await DisplayAlert("Cart", $"Could not remove {line.Sku}: {ex.Message}", "OK");
        }
    }

    private async void OnCheckoutClicked(object sender, EventArgs e)
    {
        try
        {
            if (!await DisplayAlert("Checkout", $"Pay {Total:C}?", "Pay", "Cancel"))
            {
                return;
            }

            await Shell.Current.GoToAsync("//checkout");
        }
        catch (Exception ex)
        {
            await DisplayAlert("Checkout", ex.Message, "OK");
        }
    }

    private void OnRefreshing(object sender, EventArgs e)
    {
        _api.GetCartAsync(CancellationToken.None).ContinueWith(t => // want ASY016
        {
            if (t.IsCompletedSuccessfully)
            {
                MainThread.BeginInvokeOnMainThread(() =>
                {
                    Lines.Clear();
                    foreach (var line in t.Result)
                    {
                        Lines.Add(line);
                    }
                });
            }
        });
    }
}

public interface ICartApi
{
    Task<OrderLine[]> GetCartAsync(CancellationToken cancellationToken);
    Task RemoveAsync(string sku, CancellationToken cancellationToken);
}
