using System;
using System.Threading.Tasks;
using System.Windows.Forms;

namespace Crm.Client
{
    public partial class CustomerForm : Form
    {
        private readonly ICustomerApi _api;
        private readonly Timer refreshTimer = new Timer();

        public CustomerForm(ICustomerApi api)
        {
            _api = api;
            this.btnLoad.Click += new System.EventHandler(this.btnLoad_Click);
            this.refreshTimer.Tick += refreshTimer_Tick;
            this.Shown += (s, e) => LoadCustomers();
            LoadCustomers();
        }

        private async void btnLoad_Click(object sender, EventArgs e)
        {
            btnLoad.Enabled = false;
            grid.DataSource = await _api.GetCustomersAsync();
            btnLoad.Enabled = true;
        }

        private async void refreshTimer_Tick(object sender, EventArgs e)
        {
            grid.DataSource = await _api.GetCustomersAsync();
        }

        private async void LoadCustomers() // want ASY002
        {
            grid.DataSource = await _api.GetCustomersAsync();
        }

        private async void UpdateStatusBar() // ASY018's business: handed to BeginInvoke as a delegate
        {
            statusLabel.Text = await _api.GetStatusAsync();
        }

        private void OnConnectionRestored()
        {
            BeginInvoke(new Action(UpdateStatusBar));
        }

        protected override async void OnFormClosing(FormClosingEventArgs e)
        {
            base.OnFormClosing(e);
            await _api.FlushAsync();
        }

        private async void ExportCsv(string path) // want ASY002
        {
            var rows = await _api.GetCustomersAsync();
            await System.IO.File.WriteAllTextAsync(path, string.Join(Environment.NewLine, rows));
        }

        private void btnExport_Click(object sender, EventArgs e)
        {
            ExportCsv("customers.csv");
        }
    }

    public interface ICustomerApi
    {
        Task<string[]> GetCustomersAsync();
        Task<string> GetStatusAsync();
        Task FlushAsync();
    }
}
