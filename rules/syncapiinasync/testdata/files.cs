using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Reports.Export
{
    public sealed class ReportSettings
    {
        public string Title { get; set; }
        public int PageSize { get; set; }
    }

    public class ReportExporter
    {
        private readonly HttpClient _http;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly string _root;

        public ReportExporter(HttpClient http, string root)
        {
            _http = http;
            _root = root;
            var template = File.ReadAllText(Path.Combine(root, "template.html"));
        }

        public async Task<string> LoadTemplateAsync(string name)
        {
            var path = Path.Combine(_root, name);
            if (!File.Exists(path))
            {
                return string.Empty;
            }
            var text = File.ReadAllText(path); // want ASY006
            var bytes = System.IO.File.ReadAllBytes(path); // want ASY006
            File.WriteAllLines(path + ".bak", text.Split('\n')); // want ASY006
            File.Copy(path, path + ".old", overwrite: true);
            return text + bytes.Length;
        }

        public async Task<ReportSettings> ReadSettingsAsync(string path, CancellationToken ct)
        {
            using var stream = File.OpenRead(path);
            var settings = JsonSerializer.Deserialize<ReportSettings>(stream); // want ASY006
            var fromText = JsonSerializer.Deserialize<ReportSettings>("{}");
            var json = JsonSerializer.Serialize(settings);
            await using var output = File.Create(path + ".copy");
            JsonSerializer.Serialize(output, settings); // want ASY006
            output.Flush(); // want ASY006
            using var doc = JsonDocument.Parse(stream); // want ASY006
            using var literal = JsonDocument.Parse("{}");
            var xml = System.Xml.Linq.XDocument.Load(stream); // want ASY006
            var fromFile = System.Xml.Linq.XDocument.Load(path);
            return settings ?? fromText;
        }

        public async Task<int> CopyAsync(Stream source, string target)
        {
            var buffer = new byte[81920];
            int total = 0;
            using (var destination = new FileStream(target, FileMode.Create))
            {
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0) // want ASY006
                {
                    destination.Write(buffer, 0, read); // want ASY006
                    total += read;
                }
                source.CopyTo(destination); // want ASY006
            }
            await Task.Yield();
            return total;
        }

        public async Task<string> RenderAsync(ReportSettings settings)
        {
            var memory = new MemoryStream();
            memory.Write(new byte[] { 1, 2, 3 }, 0, 3);
            Stream buffer = new MemoryStream();
            buffer.Flush();
            var sw = new StringWriter();
            sw.Write(settings.Title);
            using var writer = new StreamWriter(Path.Combine(_root, "out.txt"));
            writer.WriteLine(settings.Title); // want ASY006
            writer.Write(settings.PageSize); // want ASY006
            writer.Flush(); // want ASY006
            using var reader = File.OpenText(Path.Combine(_root, "in.txt"));
            var first = reader.ReadLine(); // want ASY006
            var all = reader.ReadToEnd(); // want ASY006
            var ch = reader.Read();
            Console.WriteLine(first);
            return all + ch + sw;
        }

        public async Task<string> RunToolAsync(string args)
        {
            using var process = Process.Start("report-tool", args);
            var output = process.StandardOutput.ReadToEnd(); // want ASY006
            process.WaitForExit(); // want ASY006
            var exited = process.WaitForExit(5000); // want ASY006
            var done = process.WaitForExit(0);
            await Task.Delay(10);
            return output + exited + done;
        }

        public async Task GuardedAsync(Func<Task> work)
        {
            _gate.Wait(); // want ASY006
            try
            {
                await work();
            }
            finally
            {
                _gate.Release();
            }
            if (!_gate.Wait(0))
            {
                return;
            }
            _gate.Release();
        }

        public async Task<string> FetchAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = _http.Send(request); // want ASY006
            using var body = response.Content.ReadAsStream(); // want ASY006
            var lines = new List<string> { "a", "b" };
            var upper = lines.Select(l => File.ReadAllText(l)).ToList();
            var task = Task.Run(() => File.ReadAllText(url));
            return upper.Count + await task;
        }

        public async Task<int> ParseXmlAsync(Stream input)
        {
            using var xml = XmlReader.Create(input);
            int elements = 0;
            while (xml.Read()) // want ASY006
            {
                elements++;
            }
            return await Task.FromResult(elements);
        }

        public string LoadSync(string path)
        {
            using var reader = new StreamReader(path);
            _gate.Wait();
            return reader.ReadToEnd() + File.ReadAllText(path);
        }

        public Task<string> LoadWrapped(string path)
        {
            return Task.Run(() => File.ReadAllText(path));
        }

        public async Task<string> UnknownReceiversAsync(dynamic thing, ITextSource source)
        {
            var a = thing.ReadToEnd();
            var b = source.ReadToEnd();
            await Task.Yield();
            return a + b;
        }

        public async Task LocalFunctionsAsync(string path)
        {
            string ReadIt() => File.ReadAllText(path);
            async Task<string> ReadItAsync() => File.ReadAllText(path); // want ASY006
            await ReadItAsync();
            ReadIt();
        }

        public async Task LockedAsync(string path)
        {
            lock (_root)
            {
                File.AppendAllText(path, "locked"); // want ASY006
            }
            await Task.Yield();
        }
    }

    public interface ITextSource
    {
        string ReadToEnd();
    }
}
