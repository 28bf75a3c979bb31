using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace Fleet.Archive
{
    public sealed class SegmentArchiver
    {
        private readonly BlobContainerClient _container;

        public SegmentArchiver(BlobServiceClient service) => _container = service.GetBlobContainerClient("segments");

        public async Task CompressAsync(string name, CancellationToken ct)
        {
            var source = _container.GetAppendBlobClient(name);
            var target = _container.GetBlockBlobClient(name + ".gz");
            await using var input = await source.OpenReadAsync(cancellationToken: ct);
            await using var output = await target.OpenWriteAsync(overwrite: true, cancellationToken: ct);
            await using var gzip = new GZipStream(output, CompressionLevel.Optimal);
            input.CopyTo(gzip); // want ASY006
            await input.CopyToAsync(gzip, ct);
            if (source.Exists()) // want ASY006
            {
                await source.DeleteAsync(cancellationToken: ct);
            }
        }

        public void CompressNow(string name)
        {
            var source = _container.GetBlobClient(name);
            using var input = source.OpenRead();
            input.CopyTo(Stream.Null);
            source.DeleteIfExists();
        }
    }
}
