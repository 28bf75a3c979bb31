using System;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Accounts
{
    public class AccountsController
    {
        public Task<string> Register(string email) => Task.FromResult(email);
    }

    public class Reservations
    {
        // Register on a linked token source's token is CancellationToken's
        // own method, not the workspace's Task-returning Register.
        public async Task<bool> WaitAsync(TaskCompletionSource<bool> done, TimeSpan timeout, CancellationToken ct)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
            linked.CancelAfter(timeout);
            using var registration = linked.Token.Register(() => done.TrySetCanceled());
            return await done.Task;
        }
    }
}
