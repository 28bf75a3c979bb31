using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Billing.Workers
{
    public interface IRateClient
    {
        Task<decimal> GetRateAsync(string currency, CancellationToken ct);
    }

    public interface IInvoiceSession
    {
        Task<decimal> TotalAsync(int invoiceId);
    }

    public class RateRefresher : BackgroundService
    {
        private static readonly string[] Currencies = { "EUR", "USD", "GBP" };
        private readonly IRateClient _rates;
        private readonly IInvoiceSession _session;
        private readonly Dictionary<string, decimal> _cache = new Dictionary<string, decimal>();

        public RateRefresher(IRateClient rates, IInvoiceSession session)
        {
            _rates = rates;
            _session = session;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var fresh = new List<decimal>();
                foreach (var currency in Currencies)
                {
                    fresh.Add(await _rates.GetRateAsync(currency, stoppingToken)); // want ASY010
                }
                foreach (var currency in Currencies)
                {
                    _cache[currency] = await _rates.GetRateAsync(currency, stoppingToken);
                }
                await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            }
        }

        public async Task<List<decimal>> TotalsAsync(int[] invoiceIds)
        {
            var totals = new List<decimal>();
            for (int i = 0; i < invoiceIds.Length; i++)
            {
                totals.Add(await _session.TotalAsync(invoiceIds[i]));
            }
            for (int i = invoiceIds.Length - 1; i >= 0; i--)
            {
                totals.Add(await _rates.GetRateAsync(invoiceIds[i].ToString(), CancellationToken.None));
            }
            return totals;
        }

        public async Task<List<decimal>> PagesAsync(int pages, CancellationToken ct)
        {
            var all = new List<decimal>();
            for (var page = 1; page <= pages; page++)
            {
                var rate = await FetchPageAsync(page, ct); // want ASY010
                all.Add(rate);
            }
            return all;
        }

        public async Task<List<string>> ReadReportsAsync(IEnumerable<string> paths)
        {
            var reports = new List<string>();
            foreach (var path in paths)
            {
                reports.Add(await System.IO.File.ReadAllTextAsync(path)); // want ASY010
            }
            return reports;
        }

        private Task<decimal> FetchPageAsync(int page, CancellationToken ct) => Task.FromResult((decimal)page);
    }
}
