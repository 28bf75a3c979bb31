using System;
using System.Threading.Tasks;
using System.Windows.Input;

namespace Acme.Desktop
{
    // A command's Execute runs on the UI thread: its awaits must come back there.
    public class SaveCommand : ICommand
    {
        private readonly Acme.Storage.IBlobStore _store;

        public SaveCommand(Acme.Storage.IBlobStore store) => _store = store;

        public event EventHandler CanExecuteChanged;

        public bool CanExecute(object parameter) => true;

        public async void Execute(object parameter) => await SaveAsync();

        private async Task SaveAsync()
        {
            await _store.ExistsAsync("draft.json");
        }
    }

    // A Blazor component implementing the interface directly renders on the
    // renderer's context, like one deriving from ComponentBase.
    public class StatusBadge : Microsoft.AspNetCore.Components.IComponent
    {
        private readonly Acme.Storage.IBlobStore _store;

        public StatusBadge(Acme.Storage.IBlobStore store) => _store = store;

        public async Task RefreshAsync()
        {
            await _store.ExistsAsync("status.json");
        }
    }
}
