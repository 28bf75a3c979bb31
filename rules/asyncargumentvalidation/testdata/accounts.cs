using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Bank.Accounts
{
    public class InvalidAccountException : ArgumentException
    {
        public InvalidAccountException(string message) : base(message) { }
    }

    public interface IAccountStore
    {
        Task<decimal> BalanceAsync(string id, CancellationToken ct);
        Task SaveAsync(string id, decimal amount, CancellationToken ct);
    }

    public sealed class TransferService
    {
        private readonly IAccountStore _store;

        public TransferService(IAccountStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        public async Task TransferAsync(string from, string to, decimal amount, CancellationToken ct)
        {
            if (from is null) throw new ArgumentNullException(nameof(from)); // want ASY035
            ArgumentNullException.ThrowIfNull(to); // want ASY035
            if (amount <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amount), "Amount must be positive."); // want ASY035
            }
            var balance = await _store.BalanceAsync(from, ct);
            if (balance < amount)
            {
                throw new InvalidOperationException("Insufficient funds.");
            }
            await _store.SaveAsync(from, balance - amount, ct);
        }

        public async Task<decimal> BalanceAsync(string id, CancellationToken ct)
        {
            var account = id ?? throw new ArgumentNullException(nameof(id)); // want ASY035
            return await _store.BalanceAsync(account, ct);
        }

        public async Task CloseAsync(string id, CancellationToken ct)
        {
            if (id.Length != 8) throw new InvalidAccountException("Account ids have 8 characters."); // want ASY035
            await _store.SaveAsync(id, 0, ct);
        }

        public async Task<decimal> AuditAsync(string id, string kind, CancellationToken ct)
        {
            var balance = await _store.BalanceAsync(id, ct);
            switch (kind)
            {
                case "daily":
                    return balance;
                default:
                    throw new ArgumentException("Unknown audit kind.", nameof(kind));
            }
        }

        public Task<decimal> ValidatedAsync(string id, CancellationToken ct)
        {
            if (id is null) throw new ArgumentNullException(nameof(id));
            return Core();

            async Task<decimal> Core() => await _store.BalanceAsync(id, ct);
        }

        public async void Fire(string id)
        {
            if (id is null) throw new ArgumentNullException(nameof(id));
            await _store.SaveAsync(id, 0, CancellationToken.None);
        }

        public async IAsyncEnumerable<decimal> HistoryAsync(string id)
        {
            if (id is null) throw new ArgumentNullException(nameof(id));
            yield return await _store.BalanceAsync(id, CancellationToken.None);
        }

        public async Task ProcessAsync(IEnumerable<string> ids, CancellationToken ct)
        {
            foreach (var id in ids)
            {
                Func<string, Task> check = async s =>
                {
                    if (s is null) throw new ArgumentNullException(nameof(s));
                    await Task.Yield();
                };
                await check(id);
            }
        }

        public decimal Fee(decimal amount)
        {
            if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount));
            return amount * 0.01m;
        }
    }
}
