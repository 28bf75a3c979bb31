using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Import
{
    public class PriceList
    {
        public async IAsyncEnumerable<string> LinesAsync(string path, [EnumeratorCancellation] CancellationToken ct = default)
        {
            using var reader = new StreamReader(path);
            string line;
            while ((line = await reader.ReadLineAsync(ct)) != null)
            {
                yield return line;
            }
        }

        public async Task<int> CountAsync(string path, CancellationToken ct)
        {
            var count = 0;
            await foreach (var line in LinesAsync(path).WithCancellation(ct))
            {
                count++;
            }
            await foreach (var line in LinesAsync(path).WithCancellation(ct).ConfigureAwait(false))
            {
                count++;
            }
            await foreach (var line in LinesAsync(path)) // want ASY012
            {
                count++;
            }
            return count;
        }
    }
}
