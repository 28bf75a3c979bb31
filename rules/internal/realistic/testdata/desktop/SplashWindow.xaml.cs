using System;
using System.Threading;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Threading;

namespace Shop.Desktop;

public partial class SplashWindow : Window
{
    private readonly IStartupTask[] _tasks;
    private readonly DispatcherTimer _dotsTimer;
    private int _dots;

    public SplashWindow(IStartupTask[] tasks)
    {
        InitializeComponent();
        _tasks = tasks;
        _dotsTimer = new DispatcherTimer(TimeSpan.FromMilliseconds(400), DispatcherPriority.Background, OnDotsTick, Dispatcher);
    }

    public async Task<bool> RunStartupAsync(CancellationToken cancellationToken)
    {
        _dotsTimer.Start();
        try
        {
            for (var i = 0; i < _tasks.Length; i++)
            {
                var task = _tasks[i];
                StepText.Text = task.Description;
                ProgressBar.Value = 100.0 * i / _tasks.Length;
                await task.RunAsync(cancellationToken);
            }

            ProgressBar.Value = 100;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _dotsTimer.Stop();
        }
    }

    public void ShowError(string message)
    {
        if (!Dispatcher.CheckAccess())
        {
            Dispatcher.InvokeAsync(() => ShowError(message));
            return;
        }

        StepText.Text = message;
    }

    public Task FadeOutAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var animation = new System.Windows.Media.Animation.DoubleAnimation(0, TimeSpan.FromMilliseconds(250));
        animation.Completed += (s, e) => done.TrySetResult();
        BeginAnimation(OpacityProperty, animation);
        return done.Task;
    }

    private void OnDotsTick(object? sender, EventArgs e)
    {
        _dots = (_dots + 1) % 4;
        DotsText.Text = new string('.', _dots);
    }
}

public interface IStartupTask
{
    string Description { get; }
    Task RunAsync(CancellationToken cancellationToken);
}
