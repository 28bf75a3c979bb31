using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Billing.Invoices
{
    public interface IInvoiceStore
    {
        Invoice Load(int id);
        Task<Invoice> LoadAsync(int id, CancellationToken ct = default);
        void Save(Invoice invoice);
        Task SaveAsync(Invoice invoice);
        void Archive(int id, string reason);
        Task ArchiveAsync(int id, CancellationToken ct);
        string Describe(Invoice invoice);
        string DescribeAsync(Invoice invoice);
        IEnumerable<Invoice> All();
        Invoice Parse(string text);
        Task<Invoice> ParseAsync(System.IO.Stream stream);
        void Dispose();
        ValueTask DisposeAsync();
    }

    public class Invoice
    {
        public int Id { get; set; }
        public decimal Total { get; set; }
    }

    public class InvoiceStore : IInvoiceStore
    {
        public Invoice Load(int id) => LoadAsync(id).GetAwaiter().GetResult();

        public async Task<Invoice> LoadAsync(int id, CancellationToken ct = default)
        {
            await Task.Delay(1, ct);
            return new Invoice { Id = id };
        }

        public void Save(Invoice invoice) => SaveCore(invoice, async: false).GetAwaiter().GetResult();

        public Task SaveAsync(Invoice invoice) => SaveCore(invoice, async: true);

        private async Task SaveCore(Invoice invoice, bool async)
        {
            if (async)
            {
                await FlushAsync();
            }
            else
            {
                Flush();
            }
        }

        public void Flush() { }

        public async Task FlushAsync()
        {
            Flush();
            await Task.Yield();
        }

        public void Archive(int id, string reason) { }

        public Task ArchiveAsync(int id, CancellationToken ct) => Task.CompletedTask;

        public string Describe(Invoice invoice) => invoice.Id.ToString();

        public string DescribeAsync(Invoice invoice) => Describe(invoice);

        public IEnumerable<Invoice> All() => new List<Invoice>();

        public Invoice Parse(string text) => new Invoice();

        public Task<Invoice> ParseAsync(System.IO.Stream stream) => Task.FromResult(new Invoice());

        public void Dispose() { }

        public ValueTask DisposeAsync() => default;

        public async Task CompactAsync()
        {
            Flush(); // want ASY006
            this.Flush(); // want ASY006
            await Task.Yield();
        }
    }

    public class InvoiceService
    {
        private readonly IInvoiceStore _store;
        private readonly InvoiceStore _concrete;

        public InvoiceService(IInvoiceStore store, InvoiceStore concrete)
        {
            _store = store;
            _concrete = concrete;
        }

        public async Task<decimal> TotalAsync(int id)
        {
            var invoice = _store.Load(id); // want ASY006
            _store.Save(invoice); // want ASY006
            _store.Archive(id, "paid");
            var text = _store.Describe(invoice);
            var all = _store.All();
            var parsed = _store.Parse("{}");
            _store.Dispose();
            _concrete.Flush(); // want ASY006
            var later = await _store.LoadAsync(id);
            return invoice.Total + later.Total + text.Length;
        }

        public decimal Total(int id)
        {
            var invoice = _store.Load(id);
            _store.Save(invoice);
            return invoice.Total;
        }

        public async Task BatchAsync(IEnumerable<int> ids)
        {
            foreach (var id in ids)
            {
                var invoice = await _store.LoadAsync(id);
                _store.Save(invoice); // want ASY006
            }
            Parallel.ForEach(ids, id => _store.Save(_store.Load(id)));
        }
    }
}
