// Lumen Import (WinForms) — technologists use this to push CD/USB exports into the archive.
using System.ComponentModel;
using System.Security.Cryptography;
using System.Windows.Forms;
using Lumen.Archive.Sdk;
using Lumen.Archive.Sdk.Files;
using Lumen.Archive.Sdk.Upload;

namespace Lumen.Import;

public enum ImportState { Pending, Uploading, Done, Failed, Skipped }

public sealed class ImportRow(DicomFileInfo info)
{
    public string Path { get; } = info.Path;
    public string? StudyUid { get; } = info.StudyInstanceUid;
    public long Bytes { get; } = info.Length;
    public string Sha256 { get; } = info.Sha256;
    public ImportState State { get; set; } = ImportState.Pending;
    public bool AlreadyArchived { get; set; }
    public string? Receipt { get; set; }
    public string? Error { get; set; }
}

public partial class ImportForm : Form
{
    private readonly ChunkedUploader _uploader;
    private readonly IArchiveClient _archive;
    private readonly BindingList<ImportRow> _rows = new();
    private readonly List<Task> _backgroundWork = new();
    private readonly System.Windows.Forms.Timer _statusTimer = new() { Interval = 1000 };
    private CancellationTokenSource? _cts;

    private TextBox folderTextBox = null!;
    private CheckBox recursiveCheckBox = null!;
    private DataGridView filesGrid = null!;
    private ProgressBar overallProgress = null!;
    private Label statusLabel = null!, currentFileLabel = null!, queueLabel = null!;
    private Button browseButton = null!, uploadButton = null!, retryButton = null!, verifyButton = null!, duplicatesButton = null!, cancelButton = null!;

    public ImportForm(ChunkedUploader uploader, IArchiveClient archive)
    {
        _uploader = uploader;
        _archive = archive;
        InitializeComponent();
        filesGrid.DataSource = _rows;
        _statusTimer.Tick += (_, _) => queueLabel.Text = $"{_rows.Count(r => r.State == ImportState.Pending)} pending";
        _statusTimer.Start();
    }

    private async void browseButton_Click(object sender, EventArgs e)
    {
        try
        {
            using var dialog = new FolderBrowserDialog { Description = "Select the exported DICOM folder", UseDescriptionForTitle = true };
            if (dialog.ShowDialog(this) != DialogResult.OK)
                return;

            _rows.Clear();
            folderTextBox.Text = dialog.SelectedPath;
            _cts = new CancellationTokenSource();
            overallProgress.Style = ProgressBarStyle.Marquee;
            await foreach (var info in DicomFile.EnumerateAsync(dialog.SelectedPath, recursiveCheckBox.Checked, _cts.Token))
                _rows.Add(new ImportRow(info));
            statusLabel.Text = $"{_rows.Count} DICOM files found";
        }
        catch (OperationCanceledException)
        {
            statusLabel.Text = "Scan cancelled";
        }
        catch (Exception ex)
        {
            MessageBox.Show(this, ex.Message, "Scan failed", MessageBoxButtons.OK, MessageBoxIcon.Error);
        }
        finally
        {
            overallProgress.Style = ProgressBarStyle.Blocks;
        }
    }

    private async void uploadButton_Click(object sender, EventArgs e)
    {
        try
        {
            uploadButton.Enabled = false;
            _cts = new CancellationTokenSource();
            var token = _cts.Token;
            var progress = new Progress<UploadProgress>(p =>
            {
                overallProgress.Value = (int)(p.Fraction * 100);
                currentFileLabel.Text = System.IO.Path.GetFileName(p.FileName);
            });

            foreach (var row in _rows.Where(r => r.State == ImportState.Pending && !r.AlreadyArchived).ToList())
            {
                row.State = ImportState.Uploading;
                filesGrid.Refresh();
                try
                {
                    row.Receipt = await Task.Run(() => _uploader.UploadFileAsync(row.Path, progress, token)); // want ASY008
                    row.State = ImportState.Done;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    row.State = ImportState.Failed;
                    row.Error = ex.Message;
                }
            }
            statusLabel.Text = $"{_rows.Count(r => r.State == ImportState.Done)} uploaded, {_rows.Count(r => r.State == ImportState.Failed)} failed";
        }
        catch (OperationCanceledException)
        {
            statusLabel.Text = "Upload cancelled";
        }
        catch (Exception ex)
        {
            MessageBox.Show(this, ex.Message, "Upload failed", MessageBoxButtons.OK, MessageBoxIcon.Error);
        }
        finally
        {
            uploadButton.Enabled = true;
            filesGrid.Refresh();
        }
    }

    private void retryButton_Click(object sender, EventArgs e)
    {
        var failed = _rows.Where(r => r.State == ImportState.Failed).ToList();
        statusLabel.Text = $"Retrying {failed.Count} files…";
        failed.ForEach(async row => // want ASY003
        {
            row.State = ImportState.Uploading;
            row.Receipt = await _uploader.UploadFileAsync(row.Path, progress: null, CancellationToken.None);
            row.State = ImportState.Done;
            filesGrid.Refresh();
        });
    }

    private void verifyButton_Click(object sender, EventArgs e)
    {
        var selected = filesGrid.SelectedRows.Cast<DataGridViewRow>().Select(r => (ImportRow)r.DataBoundItem).ToList();
        if (selected.Count == 0)
            return;

        statusLabel.Text = $"Verifying {selected.Count} files…";
        var verification = new Task(() => // want ASY015
        {
            var mismatches = selected.Count(row => !ChecksumMatches(row));
            BeginInvoke(() => statusLabel.Text = mismatches == 0 ? "All checksums match" : $"{mismatches} files changed since the scan");
        });
        _backgroundWork.Add(verification);
    }

    private static bool ChecksumMatches(ImportRow row)
    {
        using var fs = File.OpenRead(row.Path);
        return Convert.ToHexString(SHA256.HashData(fs)).Equals(row.Sha256, StringComparison.OrdinalIgnoreCase);
    }

    private async void duplicatesButton_Click(object sender, EventArgs e)
    {
        try
        {
            var uids = _rows.Select(r => r.StudyUid).OfType<string>().Distinct().ToList();
            statusLabel.Text = $"Checking {uids.Count} studies against the archive…";
            var existing = await Task.Factory.StartNew(() => FindArchived(uids), TaskCreationOptions.LongRunning); // want ASY016
            foreach (var row in _rows)
                row.AlreadyArchived = row.StudyUid is not null && existing.Contains(row.StudyUid);
            filesGrid.Refresh();
            statusLabel.Text = $"{existing.Count} of {uids.Count} studies already archived";
        }
        catch (Exception ex)
        {
            MessageBox.Show(this, ex.Message, "Duplicate check failed", MessageBoxButtons.OK, MessageBoxIcon.Warning);
        }
    }

    private HashSet<string> FindArchived(IEnumerable<string> studyUids)
        => studyUids.Where(uid => _archive.GetStudy(uid) is not null).ToHashSet(StringComparer.Ordinal);

    private void cancelButton_Click(object sender, EventArgs e) => _cts?.Cancel();

    protected override void OnFormClosing(FormClosingEventArgs e)
    {
        _cts?.Cancel();
        _statusTimer.Stop();
        Task.WaitAll(_backgroundWork.ToArray(), TimeSpan.FromSeconds(5)); // want ASY001
        base.OnFormClosing(e);
    }

    private void InitializeComponent()
    {
        folderTextBox = new TextBox { Dock = DockStyle.Top, ReadOnly = true };
        recursiveCheckBox = new CheckBox { Text = "Include subfolders", Checked = true, Dock = DockStyle.Top };
        filesGrid = new DataGridView { Dock = DockStyle.Fill, AutoGenerateColumns = true, SelectionMode = DataGridViewSelectionMode.FullRowSelect };
        overallProgress = new ProgressBar { Dock = DockStyle.Bottom };
        statusLabel = new Label { Dock = DockStyle.Bottom, AutoSize = false, Height = 20 };
        currentFileLabel = new Label { Dock = DockStyle.Bottom, AutoSize = false, Height = 20 };
        queueLabel = new Label { Dock = DockStyle.Bottom, AutoSize = false, Height = 20 };
        var buttons = new FlowLayoutPanel { Dock = DockStyle.Top, Height = 36 };
        browseButton = new Button { Text = "Browse…" };
        uploadButton = new Button { Text = "Upload" };
        retryButton = new Button { Text = "Retry failed" };
        verifyButton = new Button { Text = "Verify" };
        duplicatesButton = new Button { Text = "Check duplicates" };
        cancelButton = new Button { Text = "Cancel" };
        browseButton.Click += browseButton_Click;
        uploadButton.Click += uploadButton_Click;
        retryButton.Click += retryButton_Click;
        verifyButton.Click += verifyButton_Click;
        duplicatesButton.Click += duplicatesButton_Click;
        cancelButton.Click += cancelButton_Click;
        buttons.Controls.AddRange([browseButton, uploadButton, retryButton, verifyButton, duplicatesButton, cancelButton]);
        Controls.AddRange([filesGrid, buttons, folderTextBox, recursiveCheckBox, overallProgress, currentFileLabel, statusLabel, queueLabel]);
        Text = "Lumen Import";
        ClientSize = new System.Drawing.Size(960, 600);
    }
}
