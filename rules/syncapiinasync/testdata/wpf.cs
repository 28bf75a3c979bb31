using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Windows;

namespace Notes.Desktop
{
    public partial class MainWindow : Window
    {
        private string _path = "notes.txt";

        public MainWindow()
        {
            InitializeComponent();
            Loaded += OnLoaded;
        }

        private async void OnLoaded(object sender, RoutedEventArgs e)
        {
            var text = File.ReadAllText(_path); // want ASY006
            var lines = await Task.Run(() => File.ReadAllLines(_path));
            Editor.Text = text + lines.Length;
        }

        private async void Save_Click(object sender, RoutedEventArgs e)
        {
            await File.WriteAllTextAsync(_path, Editor.Text);
            Dispatcher.Invoke(() => File.AppendAllText("log.txt", "saved"));
            Status.Text = "Saved";
        }

        private void Export_Click(object sender, RoutedEventArgs e)
        {
            File.WriteAllText("export.txt", Editor.Text);
        }

        private async Task<string> PreviewAsync()
        {
            Func<string> read = () => File.ReadAllText(_path);
            Func<Task<string>> readAsync = async () => File.ReadAllText(_path); // want ASY006
            return read() + await readAsync();
        }
    }
}
