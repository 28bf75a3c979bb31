// Lumen Viewer (WPF) — image viewer window code-behind: series list, frame slider,
// window/level, PNG export.
using System.ComponentModel;
using System.IO;
using System.Windows;
using System.Windows.Controls;
using System.Windows.Media;
using System.Windows.Media.Imaging;
using Lumen.Archive.Sdk;
using Microsoft.Win32;

namespace Lumen.Viewer.Views;

internal sealed record FrameStats(double Mean, double StdDev, ushort Min, ushort Max);

internal sealed class FrameDecoder : IDisposable
{
    private readonly ushort[][] _frames;

    private FrameDecoder(ushort[][] frames, int width, int height)
    {
        _frames = frames;
        Width = width;
        Height = height;
    }

    public int Width { get; }
    public int Height { get; }
    public int FrameCount => _frames.Length;

    // Uncompressed 16-bit little endian only; compressed transfer syntaxes are rendered server-side.
    public static FrameDecoder Open(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var width = BitConverter.ToUInt16(bytes, bytes.Length - 4);
        var height = BitConverter.ToUInt16(bytes, bytes.Length - 2);
        var frameBytes = width * height * 2;
        var count = Math.Max(1, (bytes.Length - 4) / frameBytes);
        var frames = new ushort[count][];
        for (var i = 0; i < count; i++)
        {
            frames[i] = new ushort[width * height];
            Buffer.BlockCopy(bytes, i * frameBytes, frames[i], 0, frameBytes);
        }
        return new FrameDecoder(frames, width, height);
    }

    public ushort[] GetFrame(int index) => _frames[Math.Clamp(index, 0, _frames.Length - 1)];

    public void Dispose() => Array.Clear(_frames);
}

public partial class ImageViewerWindow : Window
{
    private readonly IArchiveClient _archive;
    private readonly string _studyUid;
    private readonly CancellationTokenSource _lifetime = new();
    private FrameDecoder? _decoder;
    private int _frameIndex;

    public ImageViewerWindow(IArchiveClient archive, string studyUid)
    {
        InitializeComponent();
        _archive = archive;
        _studyUid = studyUid;
        Title = $"Lumen Viewer — {studyUid}";

        var summary = _archive.GetStudyAsync(studyUid).Result; // want ASY001
        PatientText.Text = summary is null ? "(unknown patient)" : $"{summary.PatientName}  ·  {summary.PatientId}  ·  {summary.StudyDate:yyyy-MM-dd}";

        Loaded += OnLoaded;
        Closing += OnClosing;
    }

    private async void OnLoaded(object sender, RoutedEventArgs e)
    {
        try
        {
            BusyOverlay.Visibility = Visibility.Visible;
            var series = await _archive.GetSeriesAsync(_studyUid, _lifetime.Token);
            SeriesList.ItemsSource = series.OrderBy(s => s.Number).ToList();
            if (series.Count > 0)
                SeriesList.SelectedIndex = 0;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            MessageBox.Show(this, ex.Message, "Could not load series", MessageBoxButton.OK, MessageBoxImage.Warning);
        }
        finally
        {
            BusyOverlay.Visibility = Visibility.Collapsed;
        }
    }

    private async void OnSeriesSelectionChanged(object sender, SelectionChangedEventArgs e) // want ASY018
    {
        if (SeriesList.SelectedItem is not SeriesInfo { KeyInstanceUid: { } instanceUid } series)
            return;

        var temp = Path.Combine(Path.GetTempPath(), "lumen", _studyUid, series.SeriesInstanceUid + ".raw");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        await using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await _archive.DownloadInstanceAsync(_studyUid, instanceUid, fs, _lifetime.Token);
        }

        _decoder?.Dispose();
        _decoder = await Task.Run(() => FrameDecoder.Open(temp), _lifetime.Token);
        _frameIndex = 0;
        FrameSlider.Maximum = Math.Max(0, _decoder.FrameCount - 1);
        FrameSlider.Value = 0;
        RenderFrame();
        PrefetchNextSeries();
    }

    private void PrefetchNextSeries()
    {
        var nextIndex = SeriesList.SelectedIndex + 1;
        if (nextIndex >= SeriesList.Items.Count || SeriesList.Items[nextIndex] is not SeriesInfo { KeyInstanceUid: { } uid } next)
            return;
        var target = Path.Combine(Path.GetTempPath(), "lumen", _studyUid, next.SeriesInstanceUid + ".raw");
        if (File.Exists(target))
            return;

        _ = Task.Factory.StartNew(async () => // want ASY016
        {
            await using var fs = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await _archive.DownloadInstanceAsync(_studyUid, uid, fs, _lifetime.Token);
        }, _lifetime.Token, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
    }

    private void OnFrameSliderChanged(object sender, RoutedPropertyChangedEventArgs<double> e)
    {
        _frameIndex = (int)e.NewValue;
        RenderFrame();
    }

    private void OnWindowLevelChanged(object sender, RoutedPropertyChangedEventArgs<double> e) => RenderFrame();

    private void RenderFrame()
    {
        if (_decoder is null)
            return;
        var pixels = _decoder.GetFrame(_frameIndex);
        var center = WindowCenterSlider.Value;
        var width = Math.Max(1, WindowWidthSlider.Value);
        var lo = center - width / 2;

        var gray = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
            gray[i] = (byte)Math.Clamp((pixels[i] - lo) / width * 255.0, 0, 255);

        var bitmap = BitmapSource.Create(_decoder.Width, _decoder.Height, 96, 96, PixelFormats.Gray8, null, gray, _decoder.Width);
        bitmap.Freeze();
        FrameImage.Source = bitmap;
        FrameLabel.Text = $"{_frameIndex + 1} / {_decoder.FrameCount}   W {width:F0} / C {center:F0}";
    }

    private void OnComputeStatsClick(object sender, RoutedEventArgs e)
    {
        if (_decoder is null)
            return;
        var frame = _decoder.GetFrame(_frameIndex);
        StatsText.Text = "Computing…";
        _ = Task.Run(() => ComputeStats(frame), _lifetime.Token)
            .ContinueWith(t =>
            {
                StatsText.Text = t.IsFaulted
                    ? "Statistics failed"
                    : $"mean {t.Result.Mean:F1}  σ {t.Result.StdDev:F1}  range {t.Result.Min}–{t.Result.Max}";
            }, _lifetime.Token, TaskContinuationOptions.NotOnCanceled, TaskScheduler.FromCurrentSynchronizationContext());
    }

    private static FrameStats ComputeStats(ushort[] frame)
    {
        double sum = 0, sumSq = 0;
        ushort min = ushort.MaxValue, max = 0;
        foreach (var v in frame)
        {
            sum += v;
            sumSq += (double)v * v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        var mean = sum / frame.Length;
        return new FrameStats(mean, Math.Sqrt(Math.Max(0, sumSq / frame.Length - mean * mean)), min, max);
    }

    private async void OnExportClick(object sender, RoutedEventArgs e)
    {
        try
        {
            if (FrameImage.Source is not BitmapSource bitmap)
                return;
            var dialog = new SaveFileDialog { Filter = "PNG image|*.png", FileName = $"{_studyUid}_{_frameIndex + 1}.png" };
            if (dialog.ShowDialog(this) != true)
                return;

            var encoder = new PngBitmapEncoder();
            encoder.Frames.Add(BitmapFrame.Create(bitmap));
            await using var file = new FileStream(dialog.FileName, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            encoder.Save(file);
            await file.FlushAsync(_lifetime.Token);
            StatusText.Text = $"Saved {Path.GetFileName(dialog.FileName)}";
        }
        catch (Exception ex)
        {
            MessageBox.Show(this, ex.Message, "Export failed", MessageBoxButton.OK, MessageBoxImage.Error);
        }
    }

    private void OnClosing(object? sender, CancelEventArgs e)
    {
        _lifetime.Cancel();
        _decoder?.Dispose();
    }
}
