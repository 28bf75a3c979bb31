using System;
using System.Threading;
using System.Threading.Tasks;

namespace Shop.Legacy
{
    public class Ledger
    {
        public void Post(int account, decimal amount) { }

        [Obsolete("Use PostBatchAsync")]
        public Task PostAsync(int account, decimal amount) => Task.CompletedTask;

        public void Close(int account, int day) { }
        public void Close(int account, double day) { }

        [System.Obsolete]
        public Task CloseAsync(int account, int day) => Task.CompletedTask;
        public Task CloseAsync(int account, double day) => Task.CompletedTask;

        public bool TryReserve(ref int slot) => true;
        public Task<bool> TryReserveAsync(int slot) => Task.FromResult(true);

        public void Read(out int value) => value = 0;
        public Task<int> ReadAsync() => Task.FromResult(0);
    }

    public class LedgerJob
    {
        private readonly Ledger _ledger = new Ledger();

        public async Task RunAsync(CancellationToken ct)
        {
            // The only counterpart is retired: nothing better to suggest.
            _ledger.Post(1, 10m);

            // One counterpart is retired, the other one is current.
            _ledger.Close(1, 2.0); // want ASY006

            // An async method cannot take ref or out parameters.
            var slot = 3;
            _ledger.TryReserve(ref slot);
            _ledger.Read(out var value);

            await Task.Delay(10, ct);
        }
    }
}
