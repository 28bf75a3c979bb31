using System;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;

namespace Notes.Desktop
{
    public interface IDocumentService
    {
        event Action<string> Saved;
        Task<string> LoadAsync(string path);
        Task SaveAsync(string path, string text);
    }

    public partial class EditorWindow : Window
    {
        private readonly IDocumentService _docs;
        private bool _busy;

        public EditorWindow(IDocumentService docs)
        {
            InitializeComponent();
            _docs = docs;
            _docs.Saved += OnSaved;
            Loaded += async (s, e) => await LoadAsync("last.txt"); // want ASY018
            GotFocus += async (s, e) => await RefreshSafelyAsync();
            LostFocus += async (s, e) => await this.RefreshSafelyAsync().ConfigureAwait(true);
            SizeChanged += async (s, e) => await SaveLayoutAsync(); // want ASY018
            Activated += async (s, e) =>
            {
                try
                {
                    await LoadAsync("last.txt");
                }
                catch (Exception ex)
                {
                    StatusText.Text = ex.Message;
                }
            };
        }

        private async void SaveButton_Click(object sender, RoutedEventArgs e) // want ASY018
        {
            await _docs.SaveAsync(PathBox.Text, Editor.Text);
            StatusText.Text = "Saved";
        }

        private async void SaveAsButton_Click(object sender, RoutedEventArgs e)
        {
            try
            {
                await _docs.SaveAsync(PathBox.Text, Editor.Text);
            }
            catch (Exception ex)
            {
                MessageBox.Show(ex.Message, "Save failed");
            }
        }

        private async void ReloadButton_Click(object sender, RoutedEventArgs e)
        {
            if (_busy)
                return;
            _busy = true;
            ReloadButton.IsEnabled = false;
            try
            {
                Editor.Text = await _docs.LoadAsync(PathBox.Text);
            }
            catch (Exception ex)
            {
                await ShowErrorAsync(ex);
            }
            finally
            {
                _busy = false;
                ReloadButton.IsEnabled = true;
            }
        }

        private async void DownloadButton_Click(object sender, RoutedEventArgs e) // want ASY018
        {
            try
            {
                Editor.Text = await new HttpClient().GetStringAsync(PathBox.Text);
            }
            catch (HttpRequestException ex)
            {
                StatusText.Text = ex.Message;
            }
        }

        private async void ExportButton_Click(object sender, RoutedEventArgs e) // want ASY018
        {
            try
            {
                await _docs.SaveAsync("export.txt", Editor.Text);
            }
            catch (Exception ex)
            {
                StatusText.Text = ex.Message;
                throw;
            }
        }

        private async void PrintButton_Click(object sender, RoutedEventArgs e) // want ASY018
        {
            try
            {
                await _docs.SaveAsync("print.tmp", Editor.Text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                StatusText.Text = ex.Message;
            }
        }

        private async void CloseButton_Click(object sender, RoutedEventArgs e) // want ASY018
        {
            try
            {
                await _docs.SaveAsync(PathBox.Text, Editor.Text);
            }
            catch
            {
                StatusText.Text = "Could not save";
            }
            await Task.Delay(200);
            Close();
        }

        private async void AutoSave_Tick(object sender, EventArgs e)
        {
            try
            {
                await _docs.SaveAsync(PathBox.Text, Editor.Text);
            }
            catch (System.Exception ex)
            {
                if (ex is OutOfMemoryException)
                    throw;
                StatusText.Text = "Autosave failed";
            }
        }

        private async void Editor_TextChanged(object sender, TextChangedEventArgs e)
        {
            StatusText.Text = "Modified";
        }

        private async void OnSaved(string path) // want ASY018
        {
            await Task.Delay(1000);
            StatusText.Text = string.Empty;
        }

        protected override async void OnClosing(CancelEventArgs e) // want ASY018
        {
            base.OnClosing(e);
            await _docs.SaveAsync("session.txt", Editor.Text);
        }

        private async void Backup(string path)
        {
            await _docs.SaveAsync(path + ".bak", Editor.Text);
        }

        private async Task LoadAsync(string path)
        {
            Editor.Text = await _docs.LoadAsync(path);
        }

        private async Task RefreshSafelyAsync()
        {
            // The handlers that call this need no try/catch of their own.
            try
            {
                Editor.Text = await _docs.LoadAsync(PathBox.Text);
            }
            catch (Exception ex)
            {
                StatusText.Text = ex.Message;
            }
        }

        private Task SaveLayoutAsync()
        {
            try
            {
                return _docs.SaveAsync("layout.json", Width + "x" + Height);
            }
            catch (Exception)
            {
                return Task.CompletedTask;
            }
        }

        private Task ShowErrorAsync(Exception ex)
        {
            MessageBox.Show(ex.Message);
            return Task.CompletedTask;
        }
    }
}
