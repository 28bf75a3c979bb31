using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Acme.Storage
{
    public interface IBlobStore
    {
        Task<Stream> OpenAsync(string name, CancellationToken ct = default);
        ValueTask<bool> ExistsAsync(string name);
        Task DeleteAsync(string name);
    }

    public readonly struct Ticket
    {
        public TicketAwaiter GetAwaiter() => new TicketAwaiter();
    }

    public readonly struct TicketAwaiter : INotifyCompletion
    {
        public bool IsCompleted => true;
        public int GetResult() => 1;
        public void OnCompleted(Action continuation) => continuation();
    }

    public sealed class StorageClient
    {
        private readonly HttpClient _http;
        private readonly IBlobStore _store;
        private readonly TaskCompletionSource<bool> _ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public StorageClient(HttpClient http, IBlobStore store)
        {
            _http = http;
            _store = store;
        }

        public async Task<string> DownloadAsync(string name, CancellationToken ct)
        {
            await _ready.Task; // want ASY011
            if (!await _store.ExistsAsync(name)) // want ASY011
            {
                return null;
            }
            using var stream = await _store.OpenAsync(name, ct); // want ASY011
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        public async Task CopyAsync(string from, string to)
        {
            var response = await _http.GetAsync(from).ConfigureAwait(false);
            await Task.WhenAll(_store.DeleteAsync(from), _store.DeleteAsync(to)); // want ASY011
            await Task.Delay(100); // want ASY011
            await Task.Yield();
            var n = await new Ticket();
            await _store.DeleteAsync(to).ConfigureAwait(true);
            await _store.DeleteAsync(from).ConfigureAwait(ConfigureAwaitOptions.None);
        }

        public async Task RetryAsync(Func<Task> action)
        {
            Task pending = action();
            await pending; // want ASY011
            Func<Task> again = async () => await _store.DeleteAsync("tmp"); // want ASY011
            await again();
        }

        public async Task UnknownAsync(dynamic handle)
        {
            await handle;
        }
    }
}
