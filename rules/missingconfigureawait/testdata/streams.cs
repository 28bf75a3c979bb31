using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Acme.Ingest
{
    public sealed class LineSource
    {
        public LineEnumerator GetAsyncEnumerator(CancellationToken ct = default) => new LineEnumerator();
    }

    public sealed class LineEnumerator
    {
        public string Current => "";
        public ValueTask<bool> MoveNextAsync() => new ValueTask<bool>(false);
    }

    public sealed class Importer
    {
        private readonly Stream _stream;

        public Importer(Stream stream) => _stream = stream;

        public async IAsyncEnumerable<string> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
        {
            await Task.Delay(1, ct).ConfigureAwait(false);
            yield return "";
        }

        public async Task<int> CountAsync(IAsyncEnumerable<string> lines, CancellationToken ct)
        {
            var n = 0;
            await foreach (var line in lines.WithCancellation(ct)) // want ASY011
            {
                n++;
            }
            await foreach (var line in ReadAsync(ct)) // want ASY011
            {
                n++;
            }
            await foreach (var line in lines.WithCancellation(ct).ConfigureAwait(false))
            {
                n++;
            }
            await foreach (var line in lines.ConfigureAwait(false).WithCancellation(ct))
            {
                n++;
            }
            await foreach (var line in new LineSource())
            {
                n++;
            }
            foreach (var ch in "abc")
            {
                n++;
            }
            return n;
        }

        public async Task CopyAsync(Stream target, IAsyncDisposable lease)
        {
            await using (lease) // want ASY011
            {
                await _stream.CopyToAsync(target).ConfigureAwait(false);
            }
            await using (lease.ConfigureAwait(false))
            {
                await _stream.FlushAsync().ConfigureAwait(false);
            }
            await using var copy = new MemoryStream(); // want ASY011
            await using var configured = copy.ConfigureAwait(false);
            await using (var buffer = new MemoryStream()) // want ASY011
            {
                await buffer.FlushAsync().ConfigureAwait(false);
            }
            using var plain = new MemoryStream();
            using (var other = new MemoryStream())
            {
                other.Flush();
            }
        }
    }
}
