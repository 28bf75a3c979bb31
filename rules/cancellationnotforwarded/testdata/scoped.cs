using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Health
{
    public class StockDb : DbContext
    {
        public DbSet<StockRow> Rows => Set<StockRow>();
    }

    public class StockRow
    {
        public DateTime UpdatedAt { get; set; }
    }

    public sealed class StockFreshnessCheck
    {
        private readonly IServiceScopeFactory _scopes;

        public StockFreshnessCheck(IServiceScopeFactory scopes) => _scopes = scopes;

        public async Task<bool> IsFreshAsync(CancellationToken cancellationToken)
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<StockDb>();
            var newest = await db.Rows.MaxAsync(r => r.UpdatedAt); // want ASY012
            var count = await db.Rows.CountAsync(cancellationToken);
            var other = scope.ServiceProvider.GetService<IStockFeed>();
            await other.PollAsync();
            return count > 0 && newest > DateTime.UtcNow.AddHours(-1);
        }
    }

    public interface IStockFeed
    {
        Task PollAsync();
    }
}
