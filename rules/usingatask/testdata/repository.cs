using System;
using System.Data.Common;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data
{
    public class Session : IDisposable
    {
        public void Dispose() { }
    }

    public interface ISessionFactory
    {
        Task<Session> OpenSessionAsync(CancellationToken ct = default);
        Session CreateAsync();
        ValueTask<Session> RentAsync();
    }

    public class OrderRepository
    {
        private readonly ShopDbContext _db;
        private readonly ISessionFactory _sessions;
        private readonly HttpClient _http;
        private readonly DbDataSource _dataSource;

        public OrderRepository(ShopDbContext db, ISessionFactory sessions, HttpClient http, DbDataSource dataSource)
        {
            _db = db;
            _sessions = sessions;
            _http = http;
            _dataSource = dataSource;
        }

        public async Task SaveAsync(Order order, CancellationToken ct)
        {
            using (var tx = _db.Database.BeginTransactionAsync(ct)) // want ASY034
            {
                _db.Orders.Add(order);
                await _db.SaveChangesAsync(ct);
            }
            using (var tx = await _db.Database.BeginTransactionAsync(ct))
            {
                await _db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }

        public async Task<string> DownloadAsync(string url)
        {
            using var response = _http.GetAsync(url); // want ASY034
            using var ok = await _http.GetAsync(url);
            using var stream = ok.Content.ReadAsStreamAsync(); // want ASY034
            using var reader = new StreamReader(await ok.Content.ReadAsStreamAsync());
            return await reader.ReadToEndAsync();
        }

        public void Export(string path)
        {
            using (_sessions.OpenSessionAsync()) // want ASY034
            {
                File.WriteAllText(path, "export");
            }
            using (var session = _sessions.CreateAsync())
            {
                File.AppendAllText(path, "done");
            }
        }

        public async Task<int> CountAsync(CancellationToken ct)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            using var command = connection.CreateCommand();
            command.CommandText = "select count(*) from orders";
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var session = await _sessions.RentAsync();
            return Convert.ToInt32(await command.ExecuteScalarAsync(cts.Token));
        }

        public async Task ProbeAsync()
        {
            using Task<Session> pending = _sessions.OpenSessionAsync(); // want ASY034
            using (Task.Run(() => Thread.Sleep(10))) // want ASY034
            {
            }
            using (var session = (await _sessions.OpenSessionAsync()))
            {
            }
            Task<Session> cached = null;
            using (cached ?? _sessions.OpenSessionAsync()) // want ASY034
            {
            }
        }
    }
}
