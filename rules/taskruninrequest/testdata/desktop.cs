using System.Threading.Tasks;
using System.Windows;

namespace Camera.Desktop
{
    public class CameraController
    {
        public async Task<int> FocusAsync(int steps)
        {
            return await Task.Run(() => Compute(steps));
        }

        private int Compute(int steps) => steps * 2;
    }

    public partial class ShellWindow : Window
    {
        private async void Render_Click(object sender, RoutedEventArgs e)
        {
            var frames = await Task.Run(() => RenderFrames(120));
            Status.Text = frames.ToString();
        }

        private int RenderFrames(int count) => count;
    }
}
