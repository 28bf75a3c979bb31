using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storage
{
    // A library with one async core per operation and a flag that says
    // whether the core may await: the sync API passes false, so the task it
    // unwraps has already completed.
    public class BlobClient
    {
        public byte[] Download(string name, CancellationToken ct = default)
            => DownloadCoreAsync(name, async: false, ct).GetAwaiter().GetResult();

        public byte[] DownloadConfigured(string name)
            => DownloadCoreAsync(name, async: false, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();

        public bool Exists(string name) => ExistsCoreAsync(name, false).GetAwaiter().GetResult();

        public long Length(string name)
        {
            var pending = LengthCoreAsync(name, isAsync: false);
            return pending.Result;
        }

        public Task<byte[]> DownloadAsync(string name, CancellationToken ct = default)
            => DownloadCoreAsync(name, async: true, ct);

        // The async flag on, unwrapped synchronously: a real block.
        public byte[] DownloadBlocking(string name)
            => DownloadCoreAsync(name, async: true, CancellationToken.None).GetAwaiter().GetResult(); // want ASY001

        // A false argument in another position is not the flag.
        public bool ExistsQuietly(string name) => ExistsCoreAsync(name, true, quiet: false).GetAwaiter().GetResult(); // want ASY001

        private async Task<byte[]> DownloadCoreAsync(string name, bool async, CancellationToken ct)
        {
            var buffer = new MemoryStream();
            if (async)
            {
                await Task.Delay(1, ct);
            }

            return buffer.ToArray();
        }

        private async Task<bool> ExistsCoreAsync(string name, bool async, bool quiet = true)
        {
            if (async)
            {
                await Task.Yield();
            }

            return name.Length > 0;
        }

        private async Task<long> LengthCoreAsync(string name, bool isAsync)
        {
            if (isAsync)
            {
                await Task.Yield();
            }

            return name.Length;
        }
    }
}
