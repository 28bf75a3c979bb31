using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;

namespace Shop.Desktop.ViewModels;

public sealed partial class GalleryViewModel : ObservableObject
{
    private readonly HttpClient _http;
    private readonly string _cacheDirectory;

    [ObservableProperty]
    private string _status = "";

    public GalleryViewModel(HttpClient http, string cacheDirectory)
    {
        _http = http;
        _cacheDirectory = cacheDirectory;
    }

    public List<string> ImageUrls { get; } = new();

    [RelayCommand]
    private async Task DownloadAllAsync(CancellationToken cancellationToken)
    {
        Status = "Downloading...";
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ImageUrls, options, async (url, ct) =>
        {
            var bytes = await _http.GetByteArrayAsync(url, ct);
            await File.WriteAllBytesAsync(CachePath(url), bytes, ct);
        });
        Status = $"Downloaded {ImageUrls.Count} images";
    }

    [RelayCommand]
    private void Prefetch()
    {
        Parallel.ForEach(ImageUrls, async url => // want ASY003
        {
            var bytes = await _http.GetByteArrayAsync(url);
            await File.WriteAllBytesAsync(CachePath(url), bytes);
        });
        Status = "Prefetch started";
    }

    [RelayCommand]
    private void ClearCache()
    {
        var files = Directory.GetFiles(_cacheDirectory).ToList();
        files.ForEach(async path => await DeleteWithRetryAsync(path)); // want ASY003
        Status = "Cache cleared";
    }

    public async Task<IReadOnlyList<string>> MissingAsync(CancellationToken cancellationToken)
    {
        var missing = new ConcurrentBag<string>();
        await Task.Run(() =>
        {
            foreach (var url in ImageUrls)
            {
                if (!File.Exists(CachePath(url)))
                {
                    missing.Add(url);
                }
            }
        }, cancellationToken);
        return missing.ToList();
    }

    private static async Task DeleteWithRetryAsync(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                File.Delete(path);
                return;
            }
            catch (IOException) when (attempt < 2)
            {
                await Task.Delay(100 * (attempt + 1));
            }
        }
    }

    private string CachePath(string url)
    {
        var name = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(url)));
        return Path.Combine(_cacheDirectory, name + ".img");
    }
}
