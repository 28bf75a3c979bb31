using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shop.Catalog
{
    public class Product
    {
        public int Id { get; set; }
        public string Name { get; set; }
        public decimal Price { get; set; }
        public bool Active { get; set; }
        public List<Review> Reviews { get; set; } = new List<Review>();
    }

    public class Review
    {
        public int Id { get; set; }
        public int Stars { get; set; }
    }

    public class CatalogDbContext : DbContext
    {
        public CatalogDbContext(DbContextOptions<CatalogDbContext> options) : base(options) { }

        public DbSet<Product> Products { get; set; }
        public DbSet<Review> Reviews { get; set; }

        public async Task<int> ActiveCountAsync()
        {
            return Products.Count(p => p.Active); // want ASY006
        }

        public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            Stamp();
            return await base.SaveChangesAsync(cancellationToken);
        }

        public override int SaveChanges()
        {
            Stamp();
            return base.SaveChanges();
        }

        private void Stamp() { }
    }

    [ApiController]
    [Route("api/products")]
    public class ProductsController : ControllerBase
    {
        private readonly CatalogDbContext _db;
        private readonly List<Product> _featured = new List<Product>();

        public ProductsController(CatalogDbContext db) => _db = db;

        [HttpGet]
        public async Task<ActionResult<List<Product>>> List(string search, CancellationToken ct)
        {
            var query = _db.Products.AsNoTracking().Where(p => p.Active);
            if (!string.IsNullOrEmpty(search))
            {
                query = query.Where(p => p.Name.Contains(search));
            }
            var items = query.OrderBy(p => p.Name).Take(50).ToList(); // want ASY006
            var total = _db.Products.Count(); // want ASY006
            var names = items.Select(p => p.Name).ToList();
            var cheap = items.Where(p => p.Price < 10).Count();
            var featured = _featured.Where(p => p.Active).ToList();
            var ids = new[] { 1, 2, 3 }.AsQueryable().ToList();
            var reviewed = _db.Products.Include(p => p.Reviews).ThenInclude(r => r.Stars).FirstOrDefault(); // want ASY006
            var expensive = await _db.Products.Where(p => p.Price > 100).ToListAsync(ct);
            return Ok(new { items, total, names, cheap, featured, ids, reviewed, expensive });
        }

        [HttpGet("{id:int}")]
        public async Task<ActionResult<Product>> Get(int id)
        {
            var product = _db.Products.Find(id); // want ASY006
            if (product == null)
            {
                return NotFound();
            }
            var exists = _db.Products.Any(p => p.Id == id); // want ASY006
            var avg = product.Reviews.Any() ? product.Reviews.Average(r => r.Stars) : 0;
            var fromQuery = (from p in _db.Products where p.Price > avg select p).ToArray(); // want ASY006
            await Task.Yield();
            return Ok(new { product, exists, fromQuery });
        }

        [HttpPost]
        public async Task<IActionResult> Create(Product product)
        {
            _db.Products.Add(product);
            _db.SaveChanges(); // want ASY006
            using var tx = _db.Database.BeginTransaction(); // want ASY006
            _db.Database.ExecuteSqlRaw("UPDATE Stats SET Count = Count + 1"); // want ASY006
            tx.Commit(); // want ASY006
            await _db.SaveChangesAsync();
            return CreatedAtAction(nameof(Get), new { id = product.Id }, product);
        }

        [HttpGet("report")]
        public IActionResult Report()
        {
            var all = _db.Products.ToList();
            _db.SaveChanges();
            return Ok(all);
        }

        [HttpGet("page")]
        public async Task<IActionResult> Page(IQueryable<Product> source, IEnumerable<Product> local)
        {
            var first = source.First(); // want ASY006
            var count = local.Count();
            var sorted = local.OrderBy(p => p.Id).ToList();
            var projected = _db.Products.AsEnumerable().Select(p => p.Name).ToList();
            var grouped = await Task.Run(() => _db.Products.ToList());
            return Ok(new { first, count, sorted, projected, grouped });
        }

        [HttpGet("reload/{id:int}")]
        public async Task<IActionResult> Reload(int id)
        {
            var product = await _db.Products.FindAsync(id);
            _db.Entry(product).Reload(); // want ASY006
            _db.Entry(product).Collection(p => p.Reviews).Load(); // want ASY006
            return Ok(product);
        }
    }
}
