using System;
using System.Threading.Tasks;
using System.Windows;
using static System.Threading.Thread;

namespace Shop.Desktop
{
    public partial class SplashWindow : Window
    {
        private readonly Simulation.Thread _simulated = new Simulation.Thread();

        private async void OnLoaded(object sender, RoutedEventArgs e)
        {
            Sleep(1500); // want ASY005
            await Task.Delay(1500);
            Close();
        }

        private async void OnRetryClick(object sender, RoutedEventArgs e)
        {
            button.IsEnabled = false;
            Sleep(TimeSpan.FromMilliseconds(300)); // want ASY005
            button.IsEnabled = true;
            await Dispatcher.InvokeAsync(() => Title = "再試行 🔁");
            _simulated.Pause(10);
        }

        private void OnCloseClick(object sender, RoutedEventArgs e)
        {
            Sleep(100);
        }
    }
}

namespace Shop.Desktop.Simulation
{
    // A domain type that happens to be called Thread: not System.Threading.Thread.
    public sealed class Thread
    {
        public void Pause(int ms) { }
    }
}
