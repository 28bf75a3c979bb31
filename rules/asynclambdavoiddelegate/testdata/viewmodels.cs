using System;
using System.Threading.Tasks;
using System.Windows.Input;

namespace Shop.Mobile
{
    public delegate void CartChanged(int count);

    public delegate Task CartChangedAsync(int count);

    public class DelegateAction : ICommand
    {
        private readonly Action _execute;
        private readonly Func<bool> _canExecute;

        public DelegateAction(Action execute) : this(execute, () => true) { }

        public DelegateAction(Action execute, Func<bool> canExecute)
        {
            _execute = execute;
            _canExecute = canExecute;
        }

        public event EventHandler CanExecuteChanged;
        public bool CanExecute(object parameter) => _canExecute();
        public void Execute(object parameter) => _execute();
    }

    public class AsyncDelegateAction : ICommand
    {
        private readonly Func<Task> _execute;

        public AsyncDelegateAction(Func<Task> execute) => _execute = execute;

        public event EventHandler CanExecuteChanged;
        public bool CanExecute(object parameter) => true;
        public async void Execute(object parameter) => await _execute();
    }

    public sealed class PlainCommand(Action execute, Func<bool>? canExecute = null) : ICommand
    {
        public event EventHandler CanExecuteChanged;
        public bool CanExecute(object parameter) => canExecute?.Invoke() ?? true;
        public void Execute(object parameter) => execute();
    }

    public sealed class TaskCommand(Func<Task> execute) : ICommand
    {
        public event EventHandler CanExecuteChanged;
        public bool CanExecute(object parameter) => true;
        public async void Execute(object parameter) => await execute();
    }

    public class CartViewModel
    {
        private readonly ICartApi _api;

        public CartViewModel(ICartApi api)
        {
            _api = api;
            CheckoutCommand = new DelegateAction(async () => await _api.CheckoutAsync()); // want ASY003
            RefreshCommand = new AsyncDelegateAction(async () => await _api.RefreshAsync());
            ClearCommand = new DelegateAction(() => _api.Clear(), () => true);
            SaveCommand = new Command(async () => await _api.SaveAsync()); // want ASY003
            ShareCommand = new Command<string>(async text => await _api.ShareAsync(text)); // want ASY003
            SyncCommand = new AsyncCommand(async () => await _api.RefreshAsync());
            Watch(async count => await _api.SaveAsync()); // want ASY003
            WatchAsync(async count => await _api.SaveAsync());
            CartChanged handler = async count => await _api.RefreshAsync(); // want ASY003
            CartChangedAsync asyncHandler = async count => await _api.RefreshAsync();
            var plain = new PlainCommand(async () => await _api.SaveAsync()); // want ASY003
            var task = new TaskCommand(async () => await _api.SaveAsync());
        }

        private void Watch(CartChanged callback) => callback(0);

        private Task WatchAsync(CartChangedAsync callback) => callback(0);

        public ICommand CheckoutCommand { get; }
        public ICommand RefreshCommand { get; }
        public ICommand ClearCommand { get; }
        public ICommand SaveCommand { get; }
        public ICommand ShareCommand { get; }
        public ICommand SyncCommand { get; }
    }

    public interface ICartApi
    {
        Task CheckoutAsync();
        Task RefreshAsync();
        Task SaveAsync();
        Task ShareAsync(string text);
        void Clear();
    }
}
