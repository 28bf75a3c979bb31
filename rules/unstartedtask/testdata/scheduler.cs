using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Jobs
{
    public sealed class OrderedScheduler
    {
        private readonly TaskScheduler _scheduler;

        public OrderedScheduler(TaskScheduler scheduler) => _scheduler = scheduler;

        public Task<T> Enqueue<T>(Func<T> work, CancellationToken cancellationToken)
        {
            var task = new Task<T>(work, cancellationToken);
            task.Start(_scheduler);
            return task;
        }

        public Task Defer(Action work)
        {
            var deferred = new Task(work, TaskCreationOptions.DenyChildAttach);
            Register(deferred);
            return deferred;
        }

        public async Task DrainAsync(Action last)
        {
            var final = new Task(last); // want ASY015
            await final.ConfigureAwait(false);
            var logged = new Task(last); // want ASY015
            await logged.ContinueWith(t => Console.WriteLine(t.Status), TaskScheduler.Default);
        }

        private void Register(Task task)
        {
            if (task.Status == TaskStatus.Created)
            {
                task.Start(_scheduler);
            }
        }
    }
}
