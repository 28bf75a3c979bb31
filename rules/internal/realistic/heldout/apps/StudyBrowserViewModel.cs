// Lumen Viewer (WPF) — study browser: patient search, study list, series panel.
using System.Collections.ObjectModel;
using System.Windows.Input;
using System.Windows.Threading;
using Lumen.Archive.Sdk;
using Lumen.Archive.Sdk.Caching;

namespace Lumen.Viewer.ViewModels;

public sealed class StudyRowViewModel(StudySummary study)
{
    public StudySummary Study { get; } = study;
    public string Uid => Study.StudyInstanceUid;
    public string Patient => $"{Study.PatientName} ({Study.PatientId})";
    public string Date => Study.StudyDate.ToString("yyyy-MM-dd");
    public string Modality => Study.Modality;
    public string Size => Study.SizeBytes switch
    {
        < 1024 * 1024 => $"{Study.SizeBytes / 1024.0:F0} KB",
        < 1024L * 1024 * 1024 => $"{Study.SizeBytes / 1024.0 / 1024.0:F1} MB",
        _ => $"{Study.SizeBytes / 1024.0 / 1024.0 / 1024.0:F2} GB",
    };
}

public sealed class StudyBrowserViewModel : ObservableObject, IDisposable
{
    private readonly IArchiveClient _archive;
    private readonly StudyMetadataCache _cache;
    private readonly IDialogService _dialogs;
    private readonly DispatcherTimer _autoRefresh;
    private CancellationTokenSource? _searchCts;
    private string _patientFilter = "";
    private string _status = "Ready";
    private bool _isBusy;
    private bool _isOnline = true;
    private StudyRowViewModel? _selected;

    public StudyBrowserViewModel(IArchiveClient archive, StudyMetadataCache cache, IDialogService dialogs)
    {
        _archive = archive;
        _cache = cache;
        _dialogs = dialogs;

        SearchCommand = new AsyncRelayCommand(SearchAsync, () => !IsBusy);
        OpenCommand = new AsyncRelayCommand(() => OpenSelectedAsync(), () => Selected is not null && !IsBusy);
        CancelCommand = new RelayCommand(() => _searchCts?.Cancel(), () => IsBusy);
        ClearCommand = new RelayCommand(() =>
        {
            PatientFilter = "";
            Studies.Clear();
            Series.Clear();
        });
        DeleteCommand = new RelayCommand(async () => // want ASY003
        {
            if (Selected is not { } row)
                return;
            if (!await _dialogs.ConfirmAsync($"Permanently delete study {row.Uid} for {row.Patient}?"))
                return;
            await _archive.DeleteStudyAsync(row.Uid);
            Studies.Remove(row);
            Status = "Study deleted";
        }, () => Selected is not null);

        _autoRefresh = new DispatcherTimer { Interval = TimeSpan.FromMinutes(2) };
        _autoRefresh.Tick += OnAutoRefreshTick;
        _autoRefresh.Start();
    }

    public ObservableCollection<StudyRowViewModel> Studies { get; } = [];
    public ObservableCollection<SeriesInfo> Series { get; } = [];

    public ICommand SearchCommand { get; }
    public ICommand OpenCommand { get; }
    public ICommand CancelCommand { get; }
    public ICommand ClearCommand { get; }
    public ICommand DeleteCommand { get; }

    public string PatientFilter { get => _patientFilter; set => SetProperty(ref _patientFilter, value); }
    public string Status { get => _status; private set => SetProperty(ref _status, value); }
    public bool IsBusy { get => _isBusy; private set { if (SetProperty(ref _isBusy, value)) CommandManager.InvalidateRequerySuggested(); } }
    public bool IsOnline { get => _isOnline; private set => SetProperty(ref _isOnline, value); }
    public StudyRowViewModel? Selected { get => _selected; set => SetProperty(ref _selected, value); }

    private async Task SearchAsync()
    {
        _searchCts?.Cancel();
        var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _searchCts = cts;
        IsBusy = true;
        Status = "Searching…";
        try
        {
            var filter = PatientFilter.Trim();
            var query = new StudyQuery(PatientId: filter.Length == 0 ? null : filter);
            var results = await _archive.SearchAsync(query, cts.Token);

            Studies.Clear();
            foreach (var s in results.OrderByDescending(s => s.StudyDate).ThenBy(s => s.PatientName))
                Studies.Add(new StudyRowViewModel(s));
            Status = $"{results.Count} studies";

            // Pre-load metadata for the first screenful so opening is instant.
            var firstPage = Studies.Take(25).Select(s => s.Uid).ToList();
            await _cache.WarmAsync(firstPage, cts.Token);
        }
        catch (OperationCanceledException)
        {
            Status = "Search cancelled";
        }
        catch (ArchiveException ex)
        {
            Status = ex.Message;
        }
        finally
        {
            IsBusy = false;
            if (ReferenceEquals(_searchCts, cts))
                _searchCts = null;
            cts.Dispose();
        }
    }

    private async Task OpenSelectedAsync()
    {
        if (Selected is not { } row)
            return;
        IsBusy = true;
        try
        {
            var studyTask = _cache.GetAsync(row.Uid).AsTask();
            var seriesTask = _archive.GetSeriesAsync(row.Uid);
            await Task.WhenAll(studyTask, seriesTask);

            var study = studyTask.Result;
            Series.Clear();
            foreach (var s in seriesTask.Result.OrderBy(s => s.Number))
                Series.Add(s);
            Status = study is null ? "Study is no longer in the archive" : $"{study.PatientName} — {study.SeriesCount} series";
        }
        catch (ArchiveException ex)
        {
            await _dialogs.ShowErrorAsync("Could not open study", ex.Message);
        }
        finally
        {
            IsBusy = false;
        }
    }

    public async void LoadRecent() // want ASY002
    {
        Status = "Loading recent studies…";
        var since = DateOnly.FromDateTime(DateTime.Today.AddDays(-7));
        var recent = await _archive.SearchAsync(new StudyQuery(From: since));
        Studies.Clear();
        foreach (var s in recent)
            Studies.Add(new StudyRowViewModel(s));
        Status = $"{recent.Count} studies in the last 7 days";
    }

    public async Task<bool> CheckConnectionAsync()
    {
        var probe = _archive.GetStudyAsync("1.2.826.0.1.3680043.10.1.ping");
        var finished = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(3))); // want ASY026
        IsOnline = finished == probe;
        return IsOnline;
    }

    private async void OnAutoRefreshTick(object? sender, EventArgs e)
    {
        try
        {
            if (!await CheckConnectionAsync())
            {
                Status = "Archive offline — retrying in 2 minutes";
                return;
            }
            if (!IsBusy && Selected is not null)
                await OpenSelectedAsync();
        }
        catch (Exception ex)
        {
            Status = $"Auto-refresh failed: {ex.Message}";
        }
    }

    public void Dispose()
    {
        _autoRefresh.Stop();
        _autoRefresh.Tick -= OnAutoRefreshTick;
        _searchCts?.Cancel();
        _searchCts?.Dispose();
    }
}
