using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Messaging
{
    public sealed class RpcConnection
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _calls = new();
        private readonly TaskCompletionSource<bool> _connected = new(); // want ASY022
        private readonly TaskCompletionSource _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCreationOptions _options = TaskCreationOptions.RunContinuationsAsynchronously;
        private int _next;

        public Task<string> CallAsync(string method)
        {
            var id = Interlocked.Increment(ref _next);
            var reply = new TaskCompletionSource<string>(); // want ASY022
            _calls[id] = reply;
            return reply.Task;
        }

        public Task<string> CallWithStateAsync(string method)
        {
            var reply = new TaskCompletionSource<string>(method); // want ASY022
            var tagged = new TaskCompletionSource<string>(method, TaskCreationOptions.None); // want ASY022
            var fair = new TaskCompletionSource<string>(TaskCreationOptions.PreferFairness); // want ASY022
            return reply.Task;
        }

        public void OnReply(int id, string payload)
        {
            if (_calls.TryRemove(id, out var tcs))
            {
                tcs.TrySetResult(payload);
            }
        }

        public Task ConfiguredAsync(TaskCreationOptions options, object state)
        {
            var fromParameter = new TaskCompletionSource<int>(options);
            var fromField = new TaskCompletionSource<int>(_options);
            var good = new TaskCompletionSource<int>(state, TaskCreationOptions.RunContinuationsAsynchronously | TaskCreationOptions.DenyChildAttach);
            var wrongEnum = new TaskCompletionSource<int>(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY022
            var objectState = new TaskCompletionSource<int>(GetState()); // want ASY022
            var unknown = new TaskCompletionSource<int>(Registry.Current);
            var lazy = new Lazy<Task>(() => Task.CompletedTask);
            return good.Task;
        }

        private static object GetState() => null;
    }
}
