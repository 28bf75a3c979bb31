using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace Shop.Scheduling
{
    public interface IJobQueue
    {
        Task Enqueue(string job);
        void Pause();
    }

    public class JobRunner
    {
        private readonly IJobQueue _queue;

        public JobRunner(IJobQueue queue) => _queue = queue;

        // Not Async-suffixed, but declared right here as returning a task.
        protected Task Run(Func<Task> work) => work();

        public Task Start() => Run(() => _queue.Enqueue("tick"));

        public void Kick()
        {
            Run(() => _queue.Enqueue("kick")); // want ASY004
            this.Run(() => _queue.Enqueue("kick")); // want ASY004
            _queue.Enqueue("kick"); // want ASY004
            _queue.Pause();
            Flush(); // want ASY004

            Task Flush() => _queue.Enqueue("flush");
        }
    }

    public sealed class NightlyRunner : JobRunner
    {
        public NightlyRunner(IJobQueue queue) : base(queue) { }

        public void Schedule()
        {
            base.Run(() => Task.CompletedTask); // want ASY004
            Run(() => Task.CompletedTask); // want ASY004
        }
    }

    public static class Program
    {
        public static void Main(string[] args)
        {
            var app = WebApplication.CreateBuilder(args).Build();
            var host = Hosting.Create();
            // Same names as JobRunner's task-returning methods, on receivers
            // whose types the workspace does not know: nothing to go on.
            host.Start();
            app.Run();
        }
    }
}
