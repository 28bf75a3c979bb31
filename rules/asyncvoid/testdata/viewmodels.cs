using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Windows.Input;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using CommunityToolkit.Mvvm.Messaging;
using Microsoft.Maui.Controls;

namespace Weather.App.ViewModels
{
    public sealed class CityChanged
    {
        public string City { get; init; }
    }

    public partial class ForecastViewModel : ObservableObject, IRecipient<CityChanged>
    {
        private readonly IForecastClient _client;

        [ObservableProperty]
        private string query;

        public ForecastViewModel(IForecastClient client)
        {
            _client = client;
            RefreshCommand = new RelayCommand(Refresh);
            ClearCommand = new RelayCommand(() => Query = string.Empty);
        }

        public ICommand RefreshCommand { get; }
        public ICommand ClearCommand { get; }

        async partial void OnQueryChanged(string value)
        {
            await _client.SuggestAsync(value);
        }

        private async void Refresh()
        {
            await _client.GetForecastAsync(Query);
        }

        public async void Receive(CityChanged message)
        {
            await _client.GetForecastAsync(message.City);
        }

        [RelayCommand]
        private async void Share() // want ASY002
        {
            await _client.ShareAsync(Query);
        }

        [RelayCommand]
        private async Task LoadAsync()
        {
            await _client.GetForecastAsync(Query);
        }

        private string Describe() => nameof(Share) + nameof(Refresh);
    }

    public sealed class AsyncCommand : ICommand
    {
        private readonly Func<object, Task> _execute;

        public AsyncCommand(Func<object, Task> execute) => _execute = execute;

        public event EventHandler CanExecuteChanged;

        public bool CanExecute(object parameter) => true;

        public async void Execute(object parameter)
        {
            await _execute(parameter);
        }
    }

    public sealed class ExplicitCommand : ICommand
    {
        public event EventHandler CanExecuteChanged;

        bool ICommand.CanExecute(object parameter) => true;

        async void ICommand.Execute(object parameter)
        {
            await Task.Delay(1);
        }
    }

    public partial class ForecastPage : ContentPage, IQueryAttributable
    {
        private readonly ForecastViewModel _vm;

        protected override async void OnAppearing()
        {
            base.OnAppearing();
            await Task.Delay(1);
        }

        public async void ApplyQueryAttributes(IDictionary<string, object> query)
        {
            await Task.Delay(1);
        }

        public async void Reload() // want ASY002
        {
            await Task.Delay(1);
        }
    }

    public interface IForecastClient
    {
        Task<string> GetForecastAsync(string city);
        Task<string[]> SuggestAsync(string prefix);
        Task ShareAsync(string city);
    }
}
