using System;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;
using System.Windows.Input;

namespace Notes.Desktop
{
    public interface INoteStore
    {
        event Action<Note> NoteSaved;
        Task<Note[]> LoadAllAsync();
        Task SaveAsync(Note note);
        Task SaveSettingsAsync(double width, double height);
    }

    public class Note
    {
        public string Title { get; set; }
        public string Body { get; set; }
    }

    public partial class MainWindow : Window
    {
        private readonly INoteStore _store;
        private readonly ObservableCollection<Note> _notes = new ObservableCollection<Note>();

        public MainWindow(INoteStore store)
        {
            InitializeComponent();
            _store = store;
            Loaded += OnWindowLoaded;
            _store.NoteSaved += OnNoteSaved;
            RefreshAll();
        }

        private async void OnWindowLoaded(object sender, RoutedEventArgs e)
        {
            await ReloadAsync();
        }

        private async void SaveButton_Click(object sender, RoutedEventArgs e)
        {
            var note = (Note)NotesList.SelectedItem;
            await _store.SaveAsync(note);
        }

        private async void Window_KeyDown(object sender, KeyEventArgs e)
        {
            if (e.Key == Key.F5)
                await ReloadAsync();
        }

        private async void OnNoteSaved(Note note)
        {
            StatusText.Text = "Saved " + note.Title;
            await ReloadAsync();
        }

        protected override async void OnClosing(CancelEventArgs e)
        {
            base.OnClosing(e);
            await _store.SaveSettingsAsync(Width, Height);
        }

        private async void SaveSettings() // want ASY002
        {
            await _store.SaveSettingsAsync(Width, Height);
        }

        public async void RefreshAll() // want ASY002
        {
            await ReloadAsync();
            SaveSettings();
        }

        private async Task ReloadAsync()
        {
            _notes.Clear();
            foreach (var n in await _store.LoadAllAsync())
                _notes.Add(n);
        }

        private void ShowStatus(string text)
        {
            StatusText.Text = text;
        }

        private void Search(string query)
        {
            async void Highlight(string term) // want ASY002
            {
                await Task.Delay(150);
                SearchBox.SelectAll();
            }

            void Clear() => SearchBox.Clear();

            if (string.IsNullOrEmpty(query))
                Clear();
            else
                Highlight(query);
        }
    }
}
