using System;
using System.Data.Common;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Data
{
    public class ReportStore
    {
        private readonly DbProviderFactory _factory;
        private readonly HttpClient _http;
        private readonly ILogger<ReportStore> _logger;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);

        public ReportStore(DbProviderFactory factory, HttpClient http, ILogger<ReportStore> logger)
        {
            _factory = factory;
            _http = http;
            _logger = logger;
        }

        public Task<int> CountAsync(string sql, CancellationToken ct)
        {
            using (var command = _factory.CreateCommand())
            {
                command.CommandText = sql;
                return command.ExecuteNonQueryAsync(ct); // want ASY017
            }
        }

        public Task<HttpResponseMessage> UploadAsync(string url, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            return _http.PostAsync(url, content); // want ASY017
        }

        public Task<HttpResponseMessage> PingAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            var copy = new HttpRequestMessage(HttpMethod.Head, request.RequestUri);
            return _http.SendAsync(copy);
        }

        public Task ProcessFileAsync(string path)
        {
            using var reader = new StreamReader(path);
            return ProcessAsync(reader.ReadToEnd(), reader.CurrentEncoding.WebName);
        }

        public Task<int> RunBothAsync(DbCommand first)
        {
            using var second = _factory.CreateCommand();
            return Task.WhenAll(first.ExecuteNonQueryAsync(), second.ExecuteNonQueryAsync()).ContinueWith(t => t.Result.Length, TaskScheduler.Default); // want ASY017
        }

        public Task<string> ReadLaterAsync(string path)
        {
            using var reader = new StreamReader(path);
            return Task.Run(() => reader.ReadToEnd()); // want ASY017
        }

        public Task<string> ReadHeaderAsync(string path)
        {
            string header;
            using (var reader = new StreamReader(path))
            {
                header = reader.ReadLine();
            }
            return Task.FromResult(header);
        }

        public Task ExportAsync(string path)
        {
            try
            {
                return File.WriteAllTextAsync(path, "report"); // want ASY017
            }
            catch (IOException ex)
            {
                _logger.LogError(ex, "export failed");
                throw;
            }
        }

        public Task ArchiveAsync(string path)
        {
            try
            {
                return File.WriteAllTextAsync(path, "archive");
            }
            catch (Exception ex)
            {
                return Task.FromException(ex);
            }
        }

        public Task<string> FetchThrottledAsync(string url)
        {
            _gate.Wait();
            try
            {
                return _http.GetStringAsync(url); // want ASY017
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task<int> RunOnAsync(DbCommand command, CancellationToken ct)
        {
            using (command)
            {
                return command.ExecuteNonQueryAsync(ct); // want ASY017
            }
        }

        public Task<int> RunOtherAsync(DbCommand command, DbCommand other, CancellationToken ct)
        {
            using (other)
            {
                return command.ExecuteNonQueryAsync(ct);
            }
        }

        public Task<string> FetchWithFallbackAsync(string url)
        {
            try
            {
                return _http.GetStringAsync(url); // want ASY017
            }
            catch (HttpRequestException)
            {
                return Task.FromResult("");
            }
        }

        public Task<string> FetchCachedAsync(string url)
        {
            try
            {
                return Task.FromResult(Cache(url));
            }
            finally
            {
                _logger.LogDebug("cache hit");
            }
        }

        public async Task<int> CountSafelyAsync(string sql, CancellationToken ct)
        {
            using (var command = _factory.CreateCommand())
            {
                command.CommandText = sql;
                return await command.ExecuteNonQueryAsync(ct);
            }
        }

        public async Task WriteAllAsync(string path, string[] lines)
        {
            using (var writer = new StreamWriter(path))
            {
                foreach (var line in lines)
                {
                    writer.WriteLineAsync(line); // want ASY017
                }
                await writer.FlushAsync();
            }
            using var log = new StreamWriter(path + ".log");
            _ = log.WriteLineAsync("done"); // want ASY017
            await log.WriteLineAsync("really done");
            _ = _http.GetStringAsync("https://example.com/ping");
        }

        public async Task<string> FetchWithTimeoutAsync(string url, CancellationToken ct)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(5));
            var body = await _http.GetStringAsync(url, cts.Token);
            cts.Cancel();
            return body;
        }

        public void WriteMarker(string path)
        {
            using (var stream = File.OpenWrite(path))
            {
                stream.WriteAsync(new byte[] { 1 }, 0, 1); // want ASY017
                stream.Flush();
            }
        }

        public Task<string> Describe(string url) => _http.GetStringAsync(url);

        private string Cache(string url) => url;

        public Task Cancel() => Task.CompletedTask;

        private Task ProcessAsync(string text, string encoding) => Task.CompletedTask;
    }
}
