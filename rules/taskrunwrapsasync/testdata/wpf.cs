using System.Threading.Tasks;
using System.Windows;

namespace Photos.Desktop
{
    public partial class GalleryWindow : Window
    {
        private readonly IThumbnailStore _store;

        public GalleryWindow(IThumbnailStore store)
        {
            _store = store;
            InitializeComponent();
        }

        private async void Refresh_Click(object sender, RoutedEventArgs e)
        {
            var count = await Task.Run(() => _store.RebuildAsync(Folder.Text)); // want ASY008
            var pixels = await Task.Run(() => ResizeAll(count));
            Status.Text = $"{count} thumbnails, {pixels} pixels";
        }

        private int ResizeAll(int count) => count * 64 * 64;
    }

    public interface IThumbnailStore
    {
        Task<int> RebuildAsync(string folder);
    }
}
