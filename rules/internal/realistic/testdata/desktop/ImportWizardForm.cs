using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Windows.Forms;

namespace Shop.Desktop.WinForms;

public sealed class ImportWizardForm : Form
{
    private readonly BackgroundWorker _validator = new() { WorkerReportsProgress = true, WorkerSupportsCancellation = true };
    private readonly IImportApi _api;
    private readonly Button _browseButton = new() { Text = "Browse..." };
    private readonly Button _validateButton = new() { Text = "Validate" };
    private readonly Button _uploadButton = new() { Text = "Upload" };
    private readonly Button _cancelButton = new() { Text = "Cancel" };
    private readonly ProgressBar _progress = new();
    private readonly Label _status = new();
    private CancellationTokenSource? _uploadCts;
    private string? _path;

    public ImportWizardForm(IImportApi api)
    {
        _api = api;
        Text = "Import products";
        Controls.AddRange(new Control[] { _browseButton, _validateButton, _uploadButton, _cancelButton, _progress, _status });
        _browseButton.Click += OnBrowse;
        _validateButton.Click += OnValidate;
        _uploadButton.Click += OnUpload;
        _cancelButton.Click += (s, e) => _uploadCts?.Cancel();
        _validator.DoWork += ValidateFile;
        _validator.ProgressChanged += (s, e) => _progress.Value = e.ProgressPercentage;
        _validator.RunWorkerCompleted += (s, e) =>
        {
            _status.Text = e.Error?.Message ?? (e.Cancelled ? "Cancelled" : $"{e.Result} valid rows");
            _uploadButton.Enabled = e.Error is null && !e.Cancelled;
        };
    }

    private void OnBrowse(object? sender, EventArgs e)
    {
        using var dialog = new OpenFileDialog { Filter = "JSON lines|*.jsonl" };
        if (dialog.ShowDialog(this) == DialogResult.OK)
        {
            _path = dialog.FileName;
            _status.Text = Path.GetFileName(_path);
        }
    }

    private void OnValidate(object? sender, EventArgs e)
    {
        if (_path is null || _validator.IsBusy)
        {
            return;
        }

        _validator.RunWorkerAsync(_path);
    }

    private void ValidateFile(object? sender, DoWorkEventArgs e)
    {
        var worker = (BackgroundWorker)sender!;
        var lines = File.ReadAllLines((string)e.Argument!);
        var valid = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (worker.CancellationPending)
            {
                e.Cancel = true;
                return;
            }

            if (lines[i].TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                valid++;
            }

            worker.ReportProgress(100 * (i + 1) / lines.Length);
        }

        e.Result = valid;
    }

    private async void OnUpload(object? sender, EventArgs e)
    {
        if (_path is null)
        {
            return;
        }

        _uploadButton.Enabled = false;
        _uploadCts = new CancellationTokenSource();
        try
        {
            var progress = new Progress<int>(p => _progress.Value = p);
            var uploaded = await Task.Run(async () =>
            {
                Thread.Sleep(500); // want ASY005
                return await _api.UploadAsync(_path, progress, _uploadCts.Token);
            });
            _status.Text = $"Uploaded {uploaded} products";
        }
        catch (OperationCanceledException)
        {
            _status.Text = "Upload cancelled";
        }
        catch (Exception ex)
        {
            _status.Text = "Upload failed: " + ex.Message;
        }
        finally
        {
            _uploadButton.Enabled = true;
            _uploadCts.Dispose();
            _uploadCts = null;
        }
    }

    protected override void OnFormClosing(FormClosingEventArgs e)
    {
        _uploadCts?.Cancel();
        if (_validator.IsBusy)
        {
            _validator.CancelAsync();
        }

        base.OnFormClosing(e);
    }
}

public interface IImportApi
{
    Task<int> UploadAsync(string path, IProgress<int> progress, CancellationToken cancellationToken);
}
