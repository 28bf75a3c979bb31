using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Ledger.Import
{
    public class CsvImporter
    {
        private readonly HttpClient _http;

        public CsvImporter(HttpClient http) => _http = http;

        public async Task<List<string>> ReadAllAsync(string path, CancellationToken ct)
        {
            var rows = new List<string>();
            using var reader = new StreamReader(path);
            while (!reader.EndOfStream) // want ASY032
            {
                var line = await reader.ReadLineAsync();
                rows.Add(line);
            }
            return rows;
        }

        public async Task<int> CountAsync(Stream input)
        {
            int count = 0;
            using (var reader = new StreamReader(input))
            {
                if (reader.EndOfStream) // want ASY032
                {
                    return 0;
                }
                do
                {
                    await reader.ReadLineAsync();
                    count++;
                }
                while (!reader.EndOfStream); // want ASY032
            }
            return count;
        }

        public async Task<string> RunAsync(string tool)
        {
            using var process = Process.Start(tool);
            var output = new List<string>();
            while (!process.StandardOutput.EndOfStream) // want ASY032
            {
                output.Add(process.StandardOutput.ReadLine());
            }
            await process.WaitForExitAsync();
            return string.Join("\n", output);
        }

        public async Task<int> DownloadAsync(string url)
        {
            using var body = await _http.GetStreamAsync(url);
            using var reader = new StreamReader(body);
            var total = 0;
            while (await reader.ReadLineAsync() is string line)
            {
                total += line.Length;
            }
            return total;
        }

        public List<string> ReadAll(string path)
        {
            var rows = new List<string>();
            using var reader = File.OpenText(path);
            while (!reader.EndOfStream)
            {
                rows.Add(reader.ReadLine());
            }
            return rows;
        }

        public async Task<bool> AtEndAsync(ITokenSource tokens, BinaryCursor cursor)
        {
            await Task.Yield();
            return tokens.EndOfStream || cursor.EndOfStream;
        }

        public async Task<int> InLambdaAsync(StreamReader reader)
        {
            Func<bool> done = () => reader.EndOfStream;
            Func<Task<bool>> drained = async () =>
            {
                await Task.Yield();
                return reader.EndOfStream; // want ASY032
            };
            async Task<bool> AtEnd(StreamReader r) => await Task.FromResult(r.EndOfStream); // want ASY032
            await Task.Yield();
            return done() || await drained() || await AtEnd(reader) ? 0 : 1;
        }
    }

    public interface ITokenSource
    {
        bool EndOfStream { get; }
    }

    public class BinaryCursor
    {
        public bool EndOfStream { get; set; }
    }
}
