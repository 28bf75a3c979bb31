using System.Threading;
using System.Threading.Tasks;

namespace Shop.Catalog
{
    public class Product
    {
        public string Sku { get; set; }
    }

    public interface ICatalogStore
    {
        Task SaveAsync(Product product, CancellationToken cancellationToken = default);
        Task TagAsync(string effect, CancellationToken cancellationToken = default);
        Task ForwardAsync(object value, CancellationToken cancellationToken = default);
    }

    public class CatalogService
    {
        private readonly ICatalogStore _store;

        public CatalogService(ICatalogStore store) => _store = store;

        // An argument whose name merely ends in "ct" is not a token.
        public async Task UpdateAsync(Product product, string effect, CancellationToken cancellationToken)
        {
            await _store.SaveAsync(product); // want ASY012
            await _store.TagAsync(effect); // want ASY012
        }

        // Names that read like tokens are taken as the token: no guess.
        public async Task RelayAsync(JobContext job, CancellationToken cancellationToken)
        {
            await _store.ForwardAsync(job.LinkedCt);
            await _store.ForwardAsync(job.Options.stop_ct);
        }
    }
}
