using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Domain;

namespace Shop.Data;

public class ShopDbContext : DbContext
{
    public ShopDbContext(DbContextOptions<ShopDbContext> options)
        : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(ConfigureOrder);
        modelBuilder.Entity<Product>(b =>
        {
            b.HasKey(p => p.Id);
            b.HasIndex(p => p.Sku).IsUnique();
            b.Property(p => p.Price).HasPrecision(18, 2);
        });
        modelBuilder.Entity<StockItem>(b =>
        {
            b.HasKey(s => s.Sku);
            b.Property(s => s.RowVersion).IsRowVersion();
        });
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.HasKey(m => m.Id);
            b.HasIndex(m => m.ProcessedAt);
        });
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) // want ASY009
    {
        foreach (var entry in ChangeTracker.Entries<Customer>())
        {
            if (entry.State == EntityState.Added && string.IsNullOrEmpty(entry.Entity.DisplayName))
            {
                entry.Entity.DisplayName = entry.Entity.Email;
            }
        }

        return await base.SaveChangesAsync(cancellationToken);
    }

    private static void ConfigureOrder(EntityTypeBuilder<Order> b)
    {
        b.HasKey(o => o.Id);
        b.OwnsMany(o => o.Lines, lines =>
        {
            lines.WithOwner().HasForeignKey("OrderId");
            lines.Property(l => l.UnitPrice).HasPrecision(18, 2);
        });
        b.Property(o => o.Status).HasConversion<string>();
    }
}

public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
}
