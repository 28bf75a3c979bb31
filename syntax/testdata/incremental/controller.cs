using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api.Controllers
{
    [ApiController]
    [Route("api/[controller]")]
    public class OrdersController : ControllerBase
    {
        private readonly IOrderService _orders;
        private readonly ILogger<OrdersController> _log;

        public OrdersController(IOrderService orders, ILogger<OrdersController> log)
        {
            _orders = orders;
            _log = log;
        }

        [HttpGet("{id}")]
        public async Task<ActionResult<OrderDto>> Get(int id, CancellationToken ct)
        {
            var order = await _orders.FindAsync(id, ct);
            if (order == null)
            {
                return NotFound();
            }
            _log.LogInformation("Loaded order {Id} — \"{Name}\" 🙂", id, order.Name);
            return Ok(order);
        }

        [HttpPost]
        public IActionResult Create(OrderDto dto)
        {
            var created = _orders.CreateAsync(dto).Result;
            return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
        }

        private static Task<int> LoadCoreAsync(bool async, int id)
        {
            if (async)
            {
                return Task.Run(() => id * 2);
            }
            return Task.FromResult(async ? 1 : id);
        }

        public Task<int> Count(bool includeDrafts) => LoadCoreAsync(async: false, includeDrafts ? 1 : 0);
    }
}
