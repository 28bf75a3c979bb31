using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Exports
{
    public class ExportStore
    {
        public Task<Stream> OpenAsync(string name) => Task.FromResult<Stream>(new MemoryStream());
        public ValueTask<StreamReader> OpenTextAsync(string name) => new ValueTask<StreamReader>(new StreamReader(name));
    }

    public class ExportCopier
    {
        private readonly ExportStore _store = new ExportStore();

        // What an awaited call yields has the type its declaration wraps in Task<T>.
        public async Task<int> CopyAsync(string name, Stream destination, CancellationToken ct)
        {
            var source = await _store.OpenAsync(name);
            var buffer = new byte[4096];
            var read = source.Read(buffer, 0, buffer.Length); // want ASY006
            await destination.WriteAsync(buffer, 0, read, ct);

            using var reader = await _store.OpenTextAsync(name).ConfigureAwait(false);
            var text = reader.ReadToEnd(); // want ASY006
            return read + text.Length;
        }
    }
}
