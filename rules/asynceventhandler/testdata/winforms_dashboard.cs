using System;
using System.Threading.Tasks;
using System.Windows.Forms;

namespace Crm.Client
{
    public partial class DashboardForm : Form
    {
        private readonly IMetricsApi _api;

        public DashboardForm(IMetricsApi api)
        {
            _api = api;
            this.btnRefresh.Click += new System.EventHandler(this.btnRefresh_Click);
            this.chkLive.CheckedChanged += new EventHandler(async (s, e) => await _api.SetLiveAsync(chkLive.Checked)); // want ASY018
            this.Load += async delegate (object s, EventArgs e) { await RefreshAsync(); }; // want ASY018
            this.FormClosed += (s, e) => _api.Dispose();
        }

        private async void btnRefresh_Click(object sender, EventArgs e) => await RefreshAsync(); // want ASY018

        private async void btnPrint_Click(object sender, EventArgs e) => // want ASY018
            // The spooler can take a while; the form stays responsive meanwhile.
            await _api.ExportAsync("print.pdf");

        private async void btnExport_Click(object sender, EventArgs e)
        {
            try { await _api.ExportAsync("metrics.csv"); } catch (Exception ex) { lblStatus.Text = ex.Message; }
        }

        private async void timer_Tick(object sender, EventArgs e)
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception ex)
            {
                lblStatus.Text = ex.Message;
            }
        }

        private async Task RefreshAsync()
        {
            grid.DataSource = await _api.GetMetricsAsync();
        }
    }

    public interface IMetricsApi : IDisposable
    {
        Task<object> GetMetricsAsync();
        Task SetLiveAsync(bool live);
        Task ExportAsync(string path);
    }
}
