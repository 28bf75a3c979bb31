// Lumen Viewer (WPF) — MVVM plumbing, dialogs and application start-up.
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Windows;
using System.Windows.Input;
using System.Windows.Threading;
using Lumen.Archive.Sdk;
using Lumen.Archive.Sdk.Caching;
using Lumen.Viewer.ViewModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lumen.Viewer;

public abstract class ObservableObject : INotifyPropertyChanged
{
    public event PropertyChangedEventHandler? PropertyChanged;

    protected void OnPropertyChanged([CallerMemberName] string? name = null)
        => PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(name));

    protected bool SetProperty<T>(ref T field, T value, [CallerMemberName] string? name = null)
    {
        if (EqualityComparer<T>.Default.Equals(field, value))
            return false;
        field = value;
        OnPropertyChanged(name);
        return true;
    }
}

public sealed class RelayCommand(Action execute, Func<bool>? canExecute = null) : ICommand
{
    public event EventHandler? CanExecuteChanged
    {
        add => CommandManager.RequerySuggested += value;
        remove => CommandManager.RequerySuggested -= value;
    }

    public bool CanExecute(object? parameter) => canExecute?.Invoke() ?? true;

    public void Execute(object? parameter) => execute();
}

public sealed class AsyncRelayCommand(Func<Task> execute, Func<bool>? canExecute = null) : ICommand
{
    private bool _running;

    public event EventHandler? CanExecuteChanged
    {
        add => CommandManager.RequerySuggested += value;
        remove => CommandManager.RequerySuggested -= value;
    }

    public static event EventHandler<Exception>? UnhandledException;

    public bool CanExecute(object? parameter) => !_running && (canExecute?.Invoke() ?? true);

    public void Execute(object? parameter) => _ = ExecuteAsync();

    public async Task ExecuteAsync()
    {
        if (_running)
            return;
        _running = true;
        CommandManager.InvalidateRequerySuggested();
        try
        {
            await execute();
        }
        catch (Exception ex)
        {
            UnhandledException?.Invoke(this, ex);
        }
        finally
        {
            _running = false;
            CommandManager.InvalidateRequerySuggested();
        }
    }
}

public interface IDialogService
{
    Task<bool> ConfirmAsync(string message);
    Task ShowErrorAsync(string title, string message);
    Task<string?> PickFolderAsync();
}

public sealed class WpfDialogService(Func<Window?> owner) : IDialogService
{
    public Task<bool> ConfirmAsync(string message)
    {
        var tcs = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Application.Current.Dispatcher.BeginInvoke(() =>
        {
            var answer = MessageBox.Show(owner()!, message, "Lumen Viewer", MessageBoxButton.YesNo, MessageBoxImage.Question);
            tcs.SetResult(answer == MessageBoxResult.Yes);
        });
        return tcs.Task;
    }

    public Task ShowErrorAsync(string title, string message)
    {
        var tcs = new TaskCompletionSource(); // want ASY022
        Application.Current.Dispatcher.BeginInvoke(() =>
        {
            MessageBox.Show(owner()!, message, title, MessageBoxButton.OK, MessageBoxImage.Error);
            tcs.SetResult();
        });
        return tcs.Task;
    }

    public async Task<string?> PickFolderAsync() // want ASY007
    {
        var dialog = new Microsoft.Win32.OpenFolderDialog { Title = "Choose an export folder", Multiselect = false };
        return dialog.ShowDialog(owner()) == true ? dialog.FolderName : null;
    }
}

public static class Ui
{
    // Fire-and-forget post to the UI thread; returns immediately (named for symmetry with Dispatcher.InvokeAsync).
    public static void PostAsync(Action action)
        => Application.Current?.Dispatcher.BeginInvoke(DispatcherPriority.Background, action);

    public static void Run(Action action)
    {
        var dispatcher = Application.Current.Dispatcher;
        if (dispatcher.CheckAccess())
            action();
        else
            dispatcher.Invoke(action);
    }
}

public partial class App : Application
{
    private IHost? _host;

    protected override async void OnStartup(StartupEventArgs e)
    {
        try
        {
            base.OnStartup(e);
            _host = Host.CreateDefaultBuilder(e.Args)
                .ConfigureServices((ctx, services) =>
                {
                    services.AddMemoryCache();
                    services.AddSingleton(ctx.Configuration.GetSection("Archive").Get<ArchiveClientOptions>() ?? new ArchiveClientOptions());
                    services.AddSingleton<IArchiveClient>(sp => new ArchiveClient(sp.GetRequiredService<ArchiveClientOptions>()));
                    services.AddSingleton(new StudyCacheOptions());
                    services.AddSingleton<StudyMetadataCache>();
                    services.AddSingleton<IDialogService>(_ => new WpfDialogService(() => Current.MainWindow));
                    services.AddTransient<StudyBrowserViewModel>();
                    services.AddTransient<MainWindow>();
                })
                .Build();

            await _host.StartAsync();
            AsyncRelayCommand.UnhandledException += (_, ex) =>
                _host.Services.GetRequiredService<ILogger<App>>().LogError(ex, "Command failed");

            var window = _host.Services.GetRequiredService<MainWindow>();
            MainWindow = window;
            window.Show();
            Ui.PostAsync(() => window.Activate());
        }
        catch (Exception ex)
        {
            MessageBox.Show($"Lumen Viewer failed to start:\n{ex.Message}", "Lumen Viewer", MessageBoxButton.OK, MessageBoxImage.Error);
            Shutdown(-1);
        }
    }

    protected override void OnExit(ExitEventArgs e)
    {
        if (_host is not null)
        {
            _host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult(); // want ASY001
            _host.Dispose();
        }
        base.OnExit(e);
    }
}

public partial class MainWindow : Window
{
    public MainWindow(StudyBrowserViewModel viewModel)
    {
        InitializeComponent();
        DataContext = viewModel;
        Loaded += (_, _) => viewModel.LoadRecent();
        Closed += (_, _) => viewModel.Dispose();
    }
}
