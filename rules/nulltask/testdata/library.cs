using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storage
{
    public interface IBlobStore
    {
        Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default);

        Task DeleteAsync(string name) => null; // want ASY014
    }

    public abstract class BlobStoreBase : IBlobStore
    {
        public abstract Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default);

        public virtual Task DeleteAsync(string name)
        {
            throw new NotSupportedException();
        }

        protected virtual Task<Stream> OpenCachedAsync(string name)
        {
            switch (name)
            {
                case "":
                    return null; // want ASY014
                default:
                    return OpenReadAsync(name);
            }
        }

        protected Task OnClosedAsync(Stream stream)
        {
            stream?.Dispose();
            return Task.CompletedTask;
        }

        protected Task<T> ReadAsync<T>(Func<Stream, T> read, string name)
        {
            if (read == null)
            {
                return null; // want ASY014
            }
            return OpenReadAsync(name).ContinueWith(t => read(t.Result), TaskScheduler.Default);
        }

        protected Task<byte[]> Empty() => Task.FromResult(Array.Empty<byte>());

        protected string NameOrNull(string name) => string.IsNullOrEmpty(name) ? null : name;

        protected Func<Task<Stream>> Opener(string name) => () => null;

        protected Task DeleteQuietlyAsync(IBlobStore other, string name) => other?.DeleteAsync(name); // want ASY014

        protected Task<Stream> OpenOtherAsync(BlobStoreBase other, string name)
        {
            return other?.OpenCachedAsync(name); // want ASY014
        }

        protected string OtherName(BlobStoreBase other) => other?.NameOrNull("x");

        protected void Callbacks()
        {
            Func<Task> onSaved = () => null; // want ASY014
            Func<string, Task<Stream>> onOpen = name => { return null; }; // want ASY014
            Func<Task> onDeleted = delegate { return null; }; // want ASY014
            Func<object> onRead = () => null;
            Func<Task> onAsync = async () => { await Task.Yield(); };
            Func<Task<Stream>> onMaybe = async () => null;
            var untyped = (Func<Task>)(() => Task.CompletedTask);
        }
    }
}
