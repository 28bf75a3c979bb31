using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data
{
    public class Draft
    {
        public int Id { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    public class DraftDb : DbContext
    {
        public DbSet<Draft> Drafts => Set<Draft>();
    }

    public class DraftCleaner
    {
        private readonly IDbContextFactory<DraftDb> _contexts;

        public DraftCleaner(IDbContextFactory<DraftDb> contexts) => _contexts = contexts;

        public Task<int> PurgeAsync(DateTime cutoff, CancellationToken ct)
        {
            using var db = _contexts.CreateDbContext();
            return db.Drafts // want ASY017
                .Where(d => d.CreatedAt < cutoff)
                .ExecuteDeleteAsync(ct);
        }

        public Task<int> CountAsync(DraftDb shared, CancellationToken ct)
        {
            using var db = _contexts.CreateDbContext();
            var cutoff = db.Drafts.Min(d => d.CreatedAt);
            return shared.Drafts.Where(d => d.CreatedAt > cutoff).CountAsync(ct);
        }
    }
}

namespace Shop.Tracing
{
    using System.Diagnostics;
    using System.Threading;
    using System.Threading.Tasks;

    public sealed class TracedStore
    {
        private static readonly ActivitySource Source = new ActivitySource("Shop.Store");

        public Task DeleteAsync(string key, CancellationToken ct)
        {
            using var activity = Source.StartActivity("store.delete");
            activity?.SetTag("key", key);
            return DeleteCoreAsync(key, ct); // want ASY017
        }

        public async Task DeleteTracedAsync(string key, CancellationToken ct)
        {
            using var activity = Source.StartActivity("store.delete");
            await DeleteCoreAsync(key, ct);
        }

        public Task DeleteQuietAsync(string key, CancellationToken ct)
        {
            var activity = Source.StartActivity("store.delete");
            return DeleteCoreAsync(key, ct);
        }

        private Task DeleteCoreAsync(string key, CancellationToken ct) => Task.Delay(1, ct);
    }
}
