using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shop.Orders
{
    [ApiController]
    [Route("api/orders")]
    public class OrdersController : ControllerBase
    {
        private readonly ShopDbContext _db;
        private readonly IOrderStore _store;

        public OrdersController(ShopDbContext db, IOrderStore store)
        {
            _db = db;
            _store = store;
        }

        [HttpGet("{id:int}")]
        public async Task<ActionResult<Order>> Get(int id, CancellationToken cancellationToken)
        {
            var order = await _store.GetAsync(id, cancellationToken);
            return order is null ? NotFound() : Ok(order);
        }

        [HttpGet]
        public async Task<ActionResult<List<Order>>> List()
        {
            var orders = await _db.Orders.AsNoTracking().ToListAsync(); // want ASY012
            return Ok(orders);
        }

        [HttpGet("{id:int}/lines")]
        public async Task<IActionResult> Lines(int id)
        {
            var order = await _store.GetAsync(id, HttpContext.RequestAborted);
            return Ok(order);
        }

        [HttpDelete("{id:int}")]
        public async Task<IActionResult> Delete(int id)
        {
            await _store.ArchiveAsync(id); // want ASY012
            return NoContent();
        }

        public static async Task<int> CountAsync(ShopDbContext db)
        {
            return await db.Orders.CountAsync();
        }
    }

    public class StatusController
    {
        private readonly IOrderStore _store;

        public StatusController(IOrderStore store) => _store = store;

        public async Task<Order> Peek(int id)
        {
            return await _store.GetAsync(id);
        }
    }
}

namespace Shop.Orders.Background
{
    using System;
    using System.Threading.Tasks;
    using Microsoft.AspNetCore.Mvc;

    public class NotifyController : ControllerBase
    {
        private readonly IOrderStore _store;

        public NotifyController(IOrderStore store) => _store = store;

        [HttpPost("{id:int}/notify")]
        public IActionResult Notify(int id)
        {
            _ = ResendLaterAsync(id);
            _ = Task.Run(async () => await Task.Delay(TimeSpan.FromMinutes(1)));
            return Accepted();
        }

        private async Task ResendLaterAsync(int id)
        {
            await Task.Delay(TimeSpan.FromMinutes(1));
            await _store.GetAsync(id);
        }
    }
}
