using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Geo.Fences
{
    public sealed class FenceIndex
    {
        private Task _warmup = Task.CompletedTask;
        private Task _rebuild = Task.CompletedTask;
        private Task _started = Task.CompletedTask;
        private Task _handedOff = Task.CompletedTask;
        public Task Exposed = Task.CompletedTask;
        private readonly List<Task> _pending = new List<Task>();

        public Task WarmUpAsync()
        {
            if (!_warmup.IsCompleted)
                return _warmup;
            _warmup = new Task(() => Load(4096)); // want ASY015
            return _warmup;
        }

        public Task RebuildAsync()
        {
            this._rebuild = new Task(() => Load(1)); // want ASY015
            return this._rebuild;
        }

        public Task StartAsync()
        {
            _started = new Task(() => Load(2));
            _started.Start();
            return _started;
        }

        public void Schedule(TaskScheduler scheduler)
        {
            _handedOff = new Task(() => Load(3));
            Run(_handedOff, scheduler);
            Exposed = new Task(() => Load(5));
            _pending.Add(new Task(() => Load(6)));
        }

        private static void Run(Task task, TaskScheduler scheduler) => task.Start(scheduler);

        private static void Load(int resolution) { }
    }

    public partial class SplitIndex
    {
        private Task _later = Task.CompletedTask;

        public Task LaterAsync()
        {
            _later = new Task(() => { });
            return _later;
        }
    }
}
