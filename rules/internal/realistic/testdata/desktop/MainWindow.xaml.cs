using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;
using Microsoft.Win32;

namespace Shop.Desktop;

public partial class MainWindow : Window
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://shop.example.com/") };
    private readonly ObservableCollection<string> _log = new();
    private CancellationTokenSource? _searchCts;

    public MainWindow()
    {
        InitializeComponent();
        LogList.ItemsSource = _log;
        Loaded += OnLoaded;
    }

    private async void OnLoaded(object sender, RoutedEventArgs e) // want ASY018
    {
        try
        {
            StatusText.Text = "Connecting...";
            var version = await Http.GetStringAsync("api/version");
            StatusText.Text = $"Connected to {version}";
        }
        catch (HttpRequestException ex)
        {
            StatusText.Text = "Offline";
            _log.Add(ex.Message);
        }
    }

    private async void SearchBox_TextChanged(object sender, TextChangedEventArgs e)
    {
        _searchCts?.Cancel();
        _searchCts = new CancellationTokenSource();
        var token = _searchCts.Token;
        try
        {
            await Task.Delay(300, token);
            var json = await Http.GetStringAsync($"api/products/search?term={Uri.EscapeDataString(SearchBox.Text)}", token);
            ResultsBox.Text = json;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            _log.Add($"Search failed: {ex.Message}");
        }
    }

    private async void ExportButton_Click(object sender, RoutedEventArgs e) // want ASY018
    {
        var dialog = new SaveFileDialog { Filter = "CSV|*.csv", FileName = "orders.csv" };
        if (dialog.ShowDialog(this) != true)
        {
            return;
        }

        ExportButton.IsEnabled = false;
        var csv = await Http.GetStringAsync("api/reports/daily");
        await File.WriteAllTextAsync(dialog.FileName, csv);
        ExportButton.IsEnabled = true;
        _log.Add($"Exported to {dialog.FileName}");
    }

    private void RefreshButton_Click(object sender, RoutedEventArgs e)
    {
        var json = Http.GetStringAsync("api/orders?page=1&pageSize=20").Result; // want ASY001
        ResultsBox.Text = json;
    }

    private async void ClearCacheButton_Click(object sender, RoutedEventArgs e)
    {
        ClearCacheButton.IsEnabled = false;
        try
        {
            using var response = await Http.DeleteAsync("api/cache");
            _log.Add(response.IsSuccessStatusCode ? "Cache cleared" : $"Cache clear failed: {response.StatusCode}");
        }
        catch (Exception ex)
        {
            _log.Add(ex.Message);
        }
        finally
        {
            ClearCacheButton.IsEnabled = true;
        }
    }

    protected override void OnClosed(EventArgs e)
    {
        _searchCts?.Cancel();
        base.OnClosed(e);
    }
}
