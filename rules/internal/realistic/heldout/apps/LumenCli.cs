// lumen — command-line tool for archive administrators.
//   lumen search [--patient ID] [--modality CT] [--json]
//   lumen info <study-uid>...
//   lumen pull <study-uid> <dir>
//   lumen push <folder>
//   lumen verify <manifest.csv>
//   lumen watch <patient-id>
//   lumen dump <file.dcm>
using System.Diagnostics;
using System.Text.Json;
using Lumen.Archive.Sdk;
using Lumen.Archive.Sdk.Files;
using Lumen.Archive.Sdk.Upload;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lumen.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
            return Usage();

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        var options = new ArchiveClientOptions
        {
            BaseAddress = new Uri(Environment.GetEnvironmentVariable("LUMEN_ARCHIVE_URL") ?? "https://archive.local/api/v2/"),
            ApiKey = Environment.GetEnvironmentVariable("LUMEN_API_KEY"),
        };
        using var client = new ArchiveClient(options);

        try
        {
            return args switch
            {
                ["search", .. var rest] => await SearchAsync(client, rest, cts.Token),
                ["info", .. var uids] when uids.Length > 0 => await InfoAsync(client, uids, cts.Token),
                ["pull", var study, var dir] => await PullAsync(client, study, dir, cts.Token),
                ["push", var folder] => await PushAsync(options, folder, cts.Token),
                ["verify", var manifest] => await VerifyAsync(manifest, cts.Token),
                ["watch", var patient] => await WatchAsync(client, patient, cts.Token),
                ["dump", var file] => Dump(file),
                _ => Usage(),
            };
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled", 130);
        }
        catch (Exception ex) when (ex is ArchiveException or HttpRequestException or IOException)
        {
            return Fail(ex.Message, 2);
        }
    }

    private static async Task<int> SearchAsync(IArchiveClient client, string[] args, CancellationToken ct)
    {
        string? Opt(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var query = new StudyQuery(PatientId: Opt("--patient"), Modality: Opt("--modality"), PageSize: 500);
        var studies = await client.SearchAsync(query, ct);

        if (args.Contains("--json"))
        {
            await using var stdout = Console.OpenStandardOutput();
            await JsonSerializer.SerializeAsync(stdout, studies, ArchiveClient.JsonOptions, ct);
            return 0;
        }

        foreach (var s in studies)
            Console.WriteLine($"{s.StudyDate:yyyy-MM-dd}  {s.Modality,-4} {s.PatientId,-12} {s.SeriesCount,3} series  {s.StudyInstanceUid}");
        Console.WriteLine($"{studies.Count} studies");
        return 0;
    }

    private static async Task<int> InfoAsync(IArchiveClient client, string[] studyUids, CancellationToken ct)
    {
        var summaries = new List<StudySummary?>();
        foreach (var uid in studyUids)
            summaries.Add(await client.GetStudyAsync(uid, ct)); // want ASY010

        foreach (var (uid, s) in studyUids.Zip(summaries))
            Console.WriteLine(s is null ? $"{uid}: not found" : $"{uid}: {s.PatientName} {s.StudyDate:yyyy-MM-dd} {s.Modality} {s.SizeBytes:N0} bytes");
        return summaries.Any(s => s is null) ? 1 : 0;
    }

    private static async Task<int> PullAsync(IArchiveClient client, string studyUid, string targetDir, CancellationToken ct)
    {
        var series = await client.GetSeriesAsync(studyUid, ct);
        Directory.CreateDirectory(targetDir);
        var sw = Stopwatch.StartNew();
        long total = 0;
        foreach (var s in series.Where(s => s.KeyInstanceUid is not null))
        {
            var path = Path.Combine(targetDir, $"{s.Number:D3}_{s.Modality}.dcm");
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            total += await client.DownloadInstanceAsync(studyUid, s.KeyInstanceUid!, file, ct);
        }
        Console.WriteLine($"Pulled {series.Count} series ({total / 1024.0 / 1024.0:F1} MiB) in {sw.Elapsed.TotalSeconds:F1}s");
        return 0;
    }

    private static async Task<int> PushAsync(ArchiveClientOptions options, string folder, CancellationToken ct)
    {
        using (LocalLock.AcquireAsync(Path.Combine(folder, ".lumen-push.lock"), ct)) // want ASY034
        {
            using var http = new HttpClient { BaseAddress = options.BaseAddress };
            http.DefaultRequestHeaders.Add("Authorization", $"ApiKey {options.ApiKey}");
            var uploader = new ChunkedUploader(http, NullLogger<ChunkedUploader>.Instance);

            var files = new List<string>();
            await foreach (var info in DicomFile.EnumerateAsync(folder, recursive: true, ct))
                files.Add(info.Path);

            var progress = new Progress<UploadProgress>(p => Console.Write($"\r{p.FileName,-48} {p.Fraction,7:P0}"));
            var receipts = await uploader.UploadManyAsync(files, maxParallel: 4, progress, ct);
            Console.WriteLine();
            Console.WriteLine($"Uploaded {receipts.Count} of {files.Count} files");
        }
        return 0;
    }

    private static async Task<int> VerifyAsync(string manifestPath, CancellationToken ct)
    {
        var entries = await ImportManifest.ReadAsync(manifestPath, ct);
        var root = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var missing = entries.Where(e => !File.Exists(Path.Combine(root, e.RelativePath))).ToList();

        var sizeCheck = Task.Run(() => entries.Except(missing)
            .Count(e => new FileInfo(Path.Combine(root, e.RelativePath)).Length != e.ExpectedBytes), ct);
        await Task.WhenAll(sizeCheck); // want ASY030
        var wrongSize = sizeCheck.Result;

        foreach (var m in missing)
            Console.WriteLine($"missing: {m.RelativePath}");
        Console.WriteLine($"{entries.Count} entries, {missing.Count} missing, {wrongSize} with unexpected size");
        return missing.Count + wrongSize == 0 ? 0 : 1;
    }

    private static async Task<int> WatchAsync(IArchiveClient client, string patientId, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Console.WriteLine($"Watching patient {patientId}; Ctrl+C to stop");
        while (!ct.IsCancellationRequested)
        {
            var studies = await client.SearchAsync(new StudyQuery(PatientId: patientId), ct);
            foreach (var s in studies.Where(s => seen.Add(s.StudyInstanceUid)))
                Console.WriteLine($"[{DateTime.Now:T}] {s.StudyInstanceUid} {s.Modality} {s.StudyDate:yyyy-MM-dd}");
            await Task.Delay(TimeSpan.FromSeconds(30)); // want ASY012
        }
        return 0;
    }

    private static int Dump(string path)
    {
        var psi = new ProcessStartInfo("dcmdump", $"+P 0010,0010 +P 0020,000d \"{path}\"")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("dcmdump is not on PATH");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Write(output);
        return process.ExitCode;
    }

    private static int Usage()
    {
        Console.WriteLine("usage: lumen <search|info|pull|push|verify|watch|dump> [args]");
        return 64;
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"lumen: {message}");
        return code;
    }
}

internal sealed class LocalLock : IDisposable
{
    private readonly FileStream _handle;

    private LocalLock(FileStream handle) => _handle = handle;

    public static async Task<LocalLock> AcquireAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new LocalLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException)
            {
                await Task.Delay(250, ct);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
