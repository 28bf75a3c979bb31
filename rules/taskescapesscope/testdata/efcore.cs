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
