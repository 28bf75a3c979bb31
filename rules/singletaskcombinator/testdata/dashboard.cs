using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Windows;

namespace Shop.Desktop
{
    public class BatchRunner
    {
        public Task WhenAll(Task task) => task;
    }

    public partial class DashboardWindow : Window
    {
        private readonly IStatsClient _stats;
        private readonly BatchRunner _batch = new BatchRunner();

        public DashboardWindow(IStatsClient stats) => _stats = stats;

        private async void OnRefresh(object sender, RoutedEventArgs e)
        {
            var salesTask = _stats.GetSalesAsync();
            var visitsTask = _stats.GetVisitsAsync();
            await Task.WhenAll(salesTask, visitsTask);
            SalesText.Text = salesTask.Result.ToString();
            await _batch.WhenAll(salesTask);
            await Task.WhenAll(BackgroundJobs.Pending);
            var perRegion = Regions.Select(r => _stats.GetSalesAsync(r)).ToArray();
            var totals = await Task.WhenAll(perRegion);
            await Task.WhenAll(_stats.RefreshAsync()); // want ASY030
        }

        private IEnumerable<string> Regions => new[] { "north", "south" };
    }

    public interface IStatsClient
    {
        Task<int> GetSalesAsync(string region = null);
        Task<int> GetVisitsAsync();
        Task RefreshAsync();
    }
}
