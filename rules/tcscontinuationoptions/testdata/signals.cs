using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Messaging
{
    public sealed class ReplyTracker
    {
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<string>> _pending = new();
        private readonly TaskCompletionSource<bool> _ready = new(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY031
        private TaskCompletionSource _stopped;
        private readonly TaskContinuationOptions _options = TaskContinuationOptions.RunContinuationsAsynchronously;

        public Task<string> WaitForReplyAsync(Guid id)
        {
            var tcs = new TaskCompletionSource<string>(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY031
            _pending[id] = tcs;
            return tcs.Task;
        }

        public Task StopAsync()
        {
            _stopped = new TaskCompletionSource(TaskContinuationOptions.RunContinuationsAsynchronously | TaskContinuationOptions.DenyChildAttach); // want ASY031
            var sync = new TaskCompletionSource<int>(System.Threading.Tasks.TaskContinuationOptions.ExecuteSynchronously); // want ASY031
            var fromField = new TaskCompletionSource<int>(_options); // want ASY031
            return _stopped.Task;
        }

        public void Clean()
        {
            var good = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var withState = new TaskCompletionSource<string>(this, TaskCreationOptions.RunContinuationsAsynchronously);
            var plain = new TaskCompletionSource<int>();
            var state = new TaskCompletionSource<int>("state");
            TaskCompletionSource<int> typed = new(TaskCreationOptions.None);
            var continuation = Task.CompletedTask.ContinueWith(_ => { }, TaskContinuationOptions.ExecuteSynchronously);
            var other = new Lazy<int>(() => 1, LazyThreadSafetyMode.PublicationOnly);
        }
    }
}
