using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Exports
{
    public class ExportDbContext : DbContext
    {
        public DbSet<ExportRow> Rows { get; set; }
    }

    public class ExportRow
    {
        public int Id { get; set; }
        public string Payload { get; set; }
    }

    public sealed class BlobUploader : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => default;
        public Task UploadAsync(Stream content) => Task.CompletedTask;
    }

    public sealed class SpoolFile
    {
        public Task WriteAsync(string line) => Task.CompletedTask;
        public async ValueTask DisposeAsync() => await Task.Yield();
    }

    public sealed class ConnectionFactory
    {
        public Task<DbConnection> OpenAsync(CancellationToken ct) => throw new NotImplementedException();
    }

    public class ExportService
    {
        private readonly IServiceProvider _services;
        private readonly ConnectionFactory _factory;
        private readonly HttpClient _http;
        private readonly object _sync = new object();

        public ExportService(IServiceProvider services, ConnectionFactory factory, HttpClient http)
        {
            _services = services;
            _factory = factory;
            _http = http;
        }

        public async Task ExportAsync(string path, IEnumerable<ExportRow> rows, CancellationToken ct)
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true); // want ASY020
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal)) // want ASY020
            using (var writer = new StreamWriter(gzip, Encoding.UTF8)) // want ASY020
            {
                foreach (var row in rows)
                {
                    await writer.WriteLineAsync(row.Payload);
                }
            }
            using (var json = new Utf8JsonWriter(file)) // want ASY020
            {
                json.WriteStartArray();
                json.WriteEndArray();
                await json.FlushAsync(ct);
            }
        }

        public async Task<int> CountAsync(string connectionString, CancellationToken ct)
        {
            using var connection = new SqlConnection(connectionString); // want ASY020
            await connection.OpenAsync(ct);
            using var command = connection.CreateCommand(); // want ASY020
            command.CommandText = "select count(*) from rows";
            using DbDataReader reader = await command.ExecuteReaderAsync(ct); // want ASY020
            using var tx = await connection.BeginTransactionAsync(ct); // want ASY020
            using var second = await new SqlCommand("select 1", connection).ExecuteReaderAsync(ct); // want ASY020
            return await reader.ReadAsync(ct) ? reader.GetInt32(0) : 0;
        }

        public async Task PurgeAsync(CancellationToken ct)
        {
            using var db = new ExportDbContext(); // want ASY020
            using var tx = await db.Database.BeginTransactionAsync(ct); // want ASY020
            db.Rows.RemoveRange(db.Rows);
            await db.SaveChangesAsync(ct);
            using var connection = await _factory.OpenAsync(ct); // want ASY020
            using var uploader = new BlobUploader(); // want ASY020
            using var spool = new SpoolFile(); // want ASY020
            await spool.WriteAsync("purged");
        }

        public async Task<long> MeasureAsync(IDbContextFactory<ExportDbContext> contexts, IServiceProvider services, CancellationToken ct)
        {
            using var db = contexts.CreateDbContext(); // want ASY020
            using var response = await _http.GetAsync("export/size", ct);
            using var body = await response.Content.ReadAsStreamAsync(ct); // want ASY020
            using var copy = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false); // want ASY020
            using var scope = services.CreateScope();
            return body.Length + await db.Rows.CountAsync(ct);
        }

        public async Task<string> ReadAsync(string path)
        {
            using var reader = new StreamReader(path);
            using var buffer = new MemoryStream(); // want ASY020
            using var client = new HttpClient();
            using var scope = _services.CreateScope();
            using IDisposable disposable = new FileStream(path, FileMode.Open);
            await using var stream = File.OpenRead(path);
            await using (var writer = new StreamWriter(stream))
            {
                await writer.FlushAsync();
            }
            return await reader.ReadToEndAsync();
        }

        public void ExportSync(string path)
        {
            using var file = new FileStream(path, FileMode.Create);
            using (var writer = new StreamWriter(file))
            {
                writer.WriteLine("sync");
            }
        }

        public IEnumerable<string> Lines(string path)
        {
            using var reader = new StreamReader(File.OpenRead(path));
            yield return reader.ReadLine();
        }

        public async Task LockedAsync(string path)
        {
            await Task.Yield();
            lock (_sync)
            {
                using var file = new FileStream(path, FileMode.Open);
            }
        }

        public Task LambdaAsync(string path)
        {
            Action write = () =>
            {
                using var file = new FileStream(path, FileMode.Append);
            };
            Func<Task> writeAsync = async () =>
            {
                using var file = new FileStream(path, FileMode.Append); // want ASY020
                await file.FlushAsync();
            };
            write();
            return writeAsync();
        }
    }
}
