using System;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Threading.Tasks;
using System.Windows;

namespace Shop.Desktop;

public partial class MainWindow : Window
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://localhost:5001/") };

    public MainWindow()
    {
        InitializeComponent();
        Loaded += OnLoaded;
        RefreshButton.Click += RefreshButton_Click;
        ArchiveButton.Click += ArchiveButton_Click;
    }

    // Fine: an async void event handler is the one place async void belongs,
    // and this one catches everything before it can reach the dispatcher.
    private async void OnLoaded(object sender, RoutedEventArgs e)
    {
        try
        {
            await LoadOrdersAsync();
        }
        catch (Exception ex)
        {
            StatusText.Text = "Could not load orders: " + ex.Message;
        }
    }

    // ASY018: if the server is down, the exception goes to the dispatcher
    // and the application closes.
    private async void RefreshButton_Click(object sender, RoutedEventArgs e)
    {
        RefreshButton.IsEnabled = false;
        await LoadOrdersAsync();
        RefreshButton.IsEnabled = true;
    }

    // ASY001: the UI thread waits for a task whose continuation needs the
    // UI thread: the window freezes for good.
    private void ExportButton_Click(object sender, RoutedEventArgs e)
    {
        var csv = _http.GetStringAsync("api/orders/export").Result;
        File.WriteAllText("orders.csv", csv);
    }

    // ASY015: `new Task(...)` only describes the work; nothing starts it, so
    // the await never returns and the button stays disabled for good.
    private async void ArchiveButton_Click(object sender, RoutedEventArgs e)
    {
        ArchiveButton.IsEnabled = false;
        try
        {
            var archive = new Task(() => ZipFile.CreateFromDirectory("exports", "exports.zip"));
            await archive;
            StatusText.Text = "Exports archived";
        }
        catch (Exception ex)
        {
            StatusText.Text = "Archiving failed: " + ex.Message;
        }
        finally
        {
            ArchiveButton.IsEnabled = true;
        }
    }

    // Fine: the zip is built on the thread pool and the handler resumes on
    // the UI thread, where updating the window is allowed.
    private async void BackupButton_Click(object sender, RoutedEventArgs e)
    {
        try
        {
            await Task.Run(() => ZipFile.CreateFromDirectory("exports", "backup.zip"));
            StatusText.Text = "Backup written";
        }
        catch (Exception ex)
        {
            StatusText.Text = "Backup failed: " + ex.Message;
        }
    }

    private async Task LoadOrdersAsync()
    {
        var json = await _http.GetStringAsync("api/orders");
        OrdersList.ItemsSource = OrderJson.Parse(json);
        StatusText.Text = $"Updated {DateTime.Now:t}";
    }
}
