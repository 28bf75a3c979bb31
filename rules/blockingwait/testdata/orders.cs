using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Orders
{
    public interface IOrderRepository
    {
        Task<Order> GetOrderAsync(int id);
        Task SaveAsync(Order order);
        string FormatAsync(Order order);
    }

    public class Order
    {
        public int Id { get; set; }
        public string Result { get; set; }
    }

    public class OrderService
    {
        private readonly IOrderRepository _repo;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
        private Task<Order> _pending;

        public OrderService(IOrderRepository repo) => _repo = repo;

        public Order Load(int id)
        {
            var order = _repo.GetOrderAsync(id).Result; // want ASY001
            return order;
        }

        public void Save(Order order)
        {
            _repo.SaveAsync(order).Wait(); // want ASY001
            _repo.SaveAsync(order).GetAwaiter().GetResult(); // want ASY001
            _repo.SaveAsync(order).ConfigureAwait(false).GetAwaiter().GetResult(); // want ASY001
            (_repo.SaveAsync(order).GetAwaiter()).GetResult(); // want ASY001
        }

        public async Task<int> CountAsync(int id)
        {
            Task<Order> pending = _repo.GetOrderAsync(id);
            var order = pending.Result; // want ASY001
            var other = _pending.Result; // want ASY001
            var again = this._pending.Result; // want ASY001
            var maybe = _pending?.Result; // want ASY001
            var label = order?.Result;
            return order.Id + other.Id + (await _repo.GetOrderAsync(id)).Id;
        }

        public void WaitForAll(Task first, Task second, Task third)
        {
            Task.WaitAll(first, second); // want ASY001
            var index = Task.WaitAny(first, second); // want ASY001
            third.Wait(TimeSpan.FromSeconds(1)); // want ASY001
            first.Wait();
        }

        public async Task<int> SumAsync(int a, int b)
        {
            var ta = _repo.GetOrderAsync(a);
            var tb = _repo.GetOrderAsync(b);
            await Task.WhenAll(ta, tb);
            return ta.Result.Id + tb.Result.Id;
        }

        public async Task<int[]> AllAsync(IEnumerable<int> ids)
        {
            var tasks = ids.Select(id => _repo.GetOrderAsync(id)).ToList();
            await Task.WhenAll(tasks);
            return tasks.Select(t => t.Result.Id).ToArray();
        }

        public async Task<int> AfterAwaitAsync(int id)
        {
            var t = _repo.GetOrderAsync(id);
            await t;
            return t.Result.Id;
        }

        public async Task<int> BranchesAsync(int id, bool fresh)
        {
            var t = _repo.GetOrderAsync(id);
            if (fresh)
            {
                await t;
                var inside = t.Result.Id;
            }
            var maybe = t.Result.Id; // want ASY001
            var u = _repo.GetOrderAsync(id + 1);
            if (await u != null)
            {
                id = u.Result.Id;
            }
            var v = _repo.GetOrderAsync(id);
            await v;
            v = _repo.GetOrderAsync(id + 2);
            var reassigned = v.Result.Id; // want ASY001
            var w = _repo.GetOrderAsync(id);
            w = _repo.GetOrderAsync(id + 3);
            await w;
            return maybe + reassigned + w.Result.Id;
        }

        public int ChainedTotal(int id)
        {
            var order = _repo
                .GetOrderAsync(id)
                .GetAwaiter().GetResult(); // want ASY001
            var again = _repo.GetOrderAsync(id)
                .Result; // want ASY001
            return order.Id + again.Id;
        }

        public int GuardThenReplace(Task<int> t)
        {
            if (t.IsCompleted)
            {
                t = Task.Run(() => 2);
                return t.Result; // want ASY001
            }
            return 0;
        }

        public int FastPath(Task<int> t)
        {
            if (t.IsCompletedSuccessfully)
            {
                return t.Result;
            }
            return t.Status == TaskStatus.RanToCompletion ? t.Result : -1;
        }

        public Task<int> Continue(Task<int> t)
        {
            return t.ContinueWith(done => done.Result + 1);
        }

        public void Gate()
        {
            _gate.Wait();
            _gate.Release();
        }

        public string Describe(Order order)
        {
            var text = _repo.FormatAsync(order);
            return order.Result + text;
        }

        public void Assign(Order order)
        {
            order.Result = "done";
        }

        public int Dual(bool async, int id)
        {
            if (async)
            {
                return -1;
            }
            else
            {
                return _repo.GetOrderAsync(id).GetAwaiter().GetResult().Id;
            }
        }
    }

    public class OrdersController : ControllerBase
    {
        public ActionResult<Order> Get(ActionResult<Order> result, ValidationResult validation)
        {
            var inner = result.Result;
            var ok = validation.Result;
            return result;
        }
    }

    public class Waiter
    {
        public void Wait() { }

        public void Use(Waiter w, ManualResetEventSlim ev, object gate)
        {
            w.Wait();
            ev.Wait();
            Monitor.Wait(gate);
        }
    }
}
