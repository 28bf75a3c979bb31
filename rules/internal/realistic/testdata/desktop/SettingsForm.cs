using System;
using System.Drawing;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Windows.Forms;

namespace Shop.Desktop.WinForms;

public partial class SettingsForm : Form
{
    private readonly string _settingsPath;
    private readonly ISettingsApi _api;
    private AppSettings _settings = new();

    public SettingsForm(string settingsPath, ISettingsApi api)
    {
        _settingsPath = settingsPath;
        _api = api;
        InitializeComponent();
        saveButton.Click += SaveButton_Click;
        testButton.Click += TestConnectionButton_Click;
        Shown += async (s, e) =>
        {
            try
            {
                await LoadSettingsAsync();
            }
            catch (Exception ex)
            {
                MessageBox.Show(this, ex.Message, "Could not load settings", MessageBoxButtons.OK, MessageBoxIcon.Warning);
            }
        };
    }

    private async Task LoadSettingsAsync()
    {
        if (!File.Exists(_settingsPath))
        {
            return;
        }

        await using var stream = File.OpenRead(_settingsPath);
        _settings = await JsonSerializer.DeserializeAsync<AppSettings>(stream) ?? new AppSettings();
        serverTextBox.Text = _settings.ServerUrl;
        timeoutUpDown.Value = _settings.TimeoutSeconds;
    }

    private async void SaveButton_Click(object? sender, EventArgs e)
    {
        saveButton.Enabled = false;
        try
        {
            _settings.ServerUrl = serverTextBox.Text.Trim();
            _settings.TimeoutSeconds = (int)timeoutUpDown.Value;
            await using var stream = File.Create(_settingsPath);
            await JsonSerializer.SerializeAsync(stream, _settings);
            statusLabel.Text = "Saved";
            statusLabel.ForeColor = Color.DarkGreen;
        }
        catch (IOException ex)
        {
            statusLabel.Text = ex.Message;
            statusLabel.ForeColor = Color.DarkRed;
        }
        catch (Exception ex)
        {
            statusLabel.Text = "Unexpected error: " + ex.Message;
        }
        finally
        {
            saveButton.Enabled = true;
        }
    }

    private void TestConnectionButton_Click(object? sender, EventArgs e)
    {
        Cursor = Cursors.WaitCursor;
        try
        {
            var task = _api.PingAsync(serverTextBox.Text, CancellationToken.None);
            task.Wait(TimeSpan.FromSeconds(10)); // want ASY001
            statusLabel.Text = task.IsCompletedSuccessfully && task.Result ? "Server reachable" : "No answer";
        }
        finally
        {
            Cursor = Cursors.Default;
        }
    }

    private void ReportProgress(int percent)
    {
        if (InvokeRequired)
        {
            BeginInvoke(new Action(() => ReportProgress(percent)));
            return;
        }

        progressBar.Value = Math.Clamp(percent, 0, 100);
    }

    private async void RunDiagnosticsButton_Click(object sender, EventArgs e) // want ASY018
    {
        runDiagnosticsButton.Enabled = false;
        var progress = new Progress<int>(ReportProgress);
        var report = await Task.Run(() => Diagnostics.Run(progress));
        diagnosticsTextBox.Text = report;
        runDiagnosticsButton.Enabled = true;
    }

    private TextBox serverTextBox = new();
    private NumericUpDown timeoutUpDown = new();
    private Button saveButton = new();
    private Button testButton = new();
    private Button runDiagnosticsButton = new();
    private Label statusLabel = new();
    private ProgressBar progressBar = new();
    private TextBox diagnosticsTextBox = new();

    private void InitializeComponent()
    {
        Text = "Settings";
        ClientSize = new Size(480, 320);
        Controls.AddRange(new Control[] { serverTextBox, timeoutUpDown, saveButton, testButton, runDiagnosticsButton, statusLabel, progressBar, diagnosticsTextBox });
    }
}

public sealed class AppSettings
{
    public string ServerUrl { get; set; } = "https://shop.example.com";
    public int TimeoutSeconds { get; set; } = 30;
}

public interface ISettingsApi
{
    Task<bool> PingAsync(string serverUrl, CancellationToken cancellationToken);
}

public static class Diagnostics
{
    public static string Run(IProgress<int> progress)
    {
        for (var i = 0; i <= 100; i += 20)
        {
            progress.Report(i);
            Thread.Sleep(100);
        }

        return "All checks passed";
    }
}
