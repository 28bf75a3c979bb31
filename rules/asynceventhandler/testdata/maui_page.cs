using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Maui.Controls;

namespace Photos.Mobile
{
    public partial class GalleryPage : ContentPage
    {
        private readonly IPhotoLibrary _library;

        public GalleryPage(IPhotoLibrary library)
        {
            InitializeComponent();
            _library = library;
        }

        protected override async void OnAppearing() // want ASY018
        {
            base.OnAppearing();
            Photos.ItemsSource = await _library.ListAsync();
        }

        private async void OnShareClicked(object sender, EventArgs e)
        {
            try
            {
                await using var stream = await _library.OpenAsync("latest.jpg");
                using (var copy = new MemoryStream())
                {
                    await stream.CopyToAsync(copy);
                }
            }
            catch (Exception ex)
            {
                await DisplayAlert("Share failed", ex.Message, "OK");
            }
        }

        private async void OnImportClicked(object sender, EventArgs e) // want ASY018
        {
            await foreach (var photo in _library.ImportAsync())
                Photos.ItemsSource = null;
        }

        private async void OnRefreshing(object sender, EventArgs e)
        {
            RefreshView.IsRefreshing = true;
            _ = Task.Run(async () => await _library.ListAsync());
            RefreshView.IsRefreshing = false;
        }

        private async void OnDeleteClicked(object sender, EventArgs e)
        {
            bool confirmed;
            try
            {
                confirmed = await DisplayAlert("Delete", "Delete this photo?", "Yes", "No");
                if (confirmed)
                    await _library.DeleteAsync("latest.jpg");
            }
            catch
            {
                confirmed = false;
            }
            Title = confirmed ? "Deleted" : "Gallery";
        }
    }

    public interface IPhotoLibrary
    {
        Task<string[]> ListAsync();
        Task<Stream> OpenAsync(string name);
        Task DeleteAsync(string name);
        System.Collections.Generic.IAsyncEnumerable<string> ImportAsync();
    }
}
