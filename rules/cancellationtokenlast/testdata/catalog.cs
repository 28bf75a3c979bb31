using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Catalog
{
    public interface ICatalog
    {
        Task<Product> FindAsync(CancellationToken ct, int id); // want ASY028
        Task<IReadOnlyList<Product>> SearchAsync(string text, int page = 1, CancellationToken ct = default);
    }

    public class Product
    {
        public int Id { get; set; }
        public string Name { get; set; }
    }

    public class Catalog : ICatalog
    {
        public Task<Product> FindAsync(CancellationToken ct, int id) => Task.FromResult(new Product { Id = id });

        public Task<IReadOnlyList<Product>> SearchAsync(string text, int page = 1, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<Product>>(new List<Product>());

        public async Task ImportAsync(CancellationToken cancellationToken, string path, bool overwrite) // want ASY028
        {
            await Task.Delay(10, cancellationToken);
        }

        public Task ExportAsync(string path, CancellationToken ct = default, bool compress = false) => Task.CompletedTask; // want ASY028

        public Task PageAsync(CancellationToken ct, int page = 1, int size = 50) => Task.CompletedTask;

        public bool TryReserve(int id, CancellationToken ct, out Product product)
        {
            product = null;
            return false;
        }

        public Task LinkedAsync(CancellationToken first, CancellationToken second) => Task.CompletedTask;

        public Task LogAsync(CancellationToken ct, params string[] lines) => Task.CompletedTask;

        public Task NoTokenAsync(int id, string name) => Task.CompletedTask;

        public async Task RefreshAsync(int id, CancellationToken ct)
        {
            await Task.Delay(1, ct);
            async Task Retry(CancellationToken token, int attempts) // want ASY028
            {
                await Task.Delay(attempts, token);
            }
            await Retry(ct, 3);
        }
    }

    public abstract class Importer
    {
        public abstract Task RunAsync(CancellationToken ct, string source); // want ASY028
    }

    public sealed class CsvImporter : Importer
    {
        public override Task RunAsync(CancellationToken ct, string source) => Task.CompletedTask;
    }

    public sealed class ExplicitCatalog : ICatalog
    {
        Task<Product> ICatalog.FindAsync(CancellationToken ct, int id) => Task.FromResult<Product>(null);
        public Task<IReadOnlyList<Product>> SearchAsync(string text, int page = 1, CancellationToken ct = default) => null;
    }

    public static class TokenExtensions
    {
        public static Task WhenCanceled(this CancellationToken ct, TimeSpan grace) => Task.Delay(grace, ct);
    }
}
