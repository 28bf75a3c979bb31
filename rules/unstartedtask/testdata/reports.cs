using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Reports
{
    public class ReportBuilder
    {
        private readonly List<Task> _queue = new List<Task>();
        private Task _current;

        public async Task BuildAsync(CancellationToken token)
        {
            await new Task(() => Render("daily")); // want ASY015
            var weekly = new Task(() => Render("weekly")); // want ASY015
            await weekly;
            var monthly = new Task<int>(() => Count("monthly")); // want ASY015
            var total = monthly.Result;
            var yearly = new Task(() => Render("yearly"), token);
            yearly.Start();
            await yearly;
            var adhoc = new Task(() => Render("adhoc"));
            adhoc.RunSynchronously();
            var later = new Task(() => Render("later"));
            _queue.Add(later);
            _current = new Task(() => Render("current"));
            var scheduled = new Task(() => Render("scheduled"));
            Schedule(scheduled);
            var both = new Task(() => Render("both")); // want ASY015
            await Task.WhenAll(both, Task.Delay(10));
            var started = Task.Run(() => Render("run"));
            await started;
        }

        public Task Prepare()
        {
            var prepared = new Task(() => Render("prepared")); // want ASY015
            return prepared;
        }

        public Task CreateCold() => new Task(() => Render("cold")); // want ASY015

        public Func<Task> ColdFactory() => () => new Task(() => Render("factory"));

        public void Kick()
        {
            new Task(() => Render("kick")); // want ASY015
            new Task(() => Render("wait")).Wait(); // want ASY015
            var state = new Task(s => Render((string)s), "state"); // want ASY015
            state.Wait();
            var viaLambda = new Task(() => Render("lambda"));
            ThreadPool.QueueUserWorkItem(_ => viaLambda.Start());
            Task.WaitAll(new[] { new Task(() => Render("array")) }); // want ASY015
        }

        private void Schedule(Task task) => task.Start(TaskScheduler.Default);

        private void Render(string name) => Console.WriteLine(name);

        private int Count(string name) => name.Length;
    }
}
