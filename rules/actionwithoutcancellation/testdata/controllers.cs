using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Shop.Api
{
    public class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; }
    }

    public class ShopDbContext : DbContext
    {
        public DbSet<Customer> Customers { get; set; }
    }

    public interface ICustomerService
    {
        Task<Customer> FindAsync(int id, CancellationToken ct = default);
        Task TouchAsync(int id);
    }

    [ApiController]
    [Route("api/customers")]
    public class CustomersController : ControllerBase
    {
        private readonly ShopDbContext _db;
        private readonly ICustomerService _service;
        private readonly HttpClient _http;

        public CustomersController(ShopDbContext db, ICustomerService service, HttpClient http)
        {
            _db = db;
            _service = service;
            _http = http;
        }

        [HttpGet]
        public async Task<ActionResult<List<Customer>>> List() // want ASY024
        {
            return await _db.Customers.AsNoTracking().ToListAsync();
        }

        [HttpGet("{id:int}")]
        public async Task<ActionResult<Customer>> Get(int id) // want ASY024
        {
            var customer = await _service.FindAsync(id);
            return customer is null ? NotFound() : Ok(customer);
        }

        [HttpGet("{id:int}/avatar")]
        public async Task<IActionResult> Avatar(int id, CancellationToken cancellationToken)
        {
            var bytes = await _http.GetByteArrayAsync($"avatars/{id}", cancellationToken);
            return File(bytes, "image/png");
        }

        [HttpPost("{id:int}/touch")]
        public async Task<IActionResult> Touch(int id)
        {
            await _service.TouchAsync(id);
            return NoContent();
        }

        [HttpGet("{id:int}/profile")]
        public async Task<IActionResult> Profile(int id)
        {
            var customer = await _service.FindAsync(id, HttpContext.RequestAborted);
            return Ok(customer);
        }

        [NonAction]
        public async Task<Customer> LoadAsync(int id)
        {
            return await _service.FindAsync(id);
        }

        private async Task<Customer> HelperAsync(int id)
        {
            return await _service.FindAsync(id);
        }

        public IActionResult Ping() => Ok();
    }

    public class AuditFilter : IAsyncActionFilter
    {
        private readonly ICustomerService _service;

        public AuditFilter(ICustomerService service) => _service = service;

        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            await _service.FindAsync(1);
            await next();
        }
    }

    public class ReportsController : Controller
    {
        private readonly ShopDbContext _db;

        public ReportsController(ShopDbContext db) => _db = db;

        public async Task<IActionResult> Index() // want ASY024
        {
            var count = await _db.Customers.CountAsync();
            return View(count);
        }
    }
}
