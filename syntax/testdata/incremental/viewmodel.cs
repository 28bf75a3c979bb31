using System;
using System.Linq;
using System.Threading.Tasks;
using System.Windows;

namespace Desk.Views
{
    /// <summary>Code-behind for the main window (東京 office).</summary>
    public partial class MainWindow : Window
    {
        private readonly ICustomerRepository _repo = new CustomerRepository();
        private int _loads;

        public MainWindow()
        {
            InitializeComponent();
            Loaded += OnLoaded;
            RefreshButton.Click += async (s, e) => await RefreshAsync();
        }

        private async void OnLoaded(object sender, RoutedEventArgs e)
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception ex)
            {
                MessageBox.Show($"Could not load: {ex.Message}");
            }
        }

        private async Task RefreshAsync()
        {
            _loads++;
            var customers = await _repo.ListAsync();
            CustomerList.ItemsSource = customers.Where(c => c.IsActive).ToList();
            StatusText.Text = string.Format("{0} customers", customers.Count);
        }

        private void SaveClicked(object sender, RoutedEventArgs e)
        {
            Thread.Sleep(100);
            _repo.SaveAllAsync().Wait();
            /* saved */
        }

        public int Loads { get { return _loads; } }
    }

    public record Customer(string Name, bool IsActive);
}
