// Lumen Archive SDK — HTTP client for the Lumen imaging archive (studies, series, instances).
// Ships both a synchronous and an asynchronous surface: the desktop import tool and a few
// legacy scripting hosts still call the blocking methods.
using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lumen.Archive.Sdk;

public sealed record StudySummary(
    string StudyInstanceUid,
    string PatientId,
    string PatientName,
    DateOnly StudyDate,
    string Modality,
    int SeriesCount,
    long SizeBytes);

public sealed record SeriesInfo(string SeriesInstanceUid, string Modality, int Number, int InstanceCount, string? KeyInstanceUid);

public sealed record StudyQuery(string? PatientId = null, DateOnly? From = null, DateOnly? To = null, string? Modality = null, int PageSize = 100);

internal sealed record SearchPage(List<StudySummary> Items, string? ContinuationToken);

public sealed class ArchiveException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}

public interface IArchiveClient
{
    StudySummary? GetStudy(string studyUid);
    Task<StudySummary?> GetStudyAsync(string studyUid, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<StudySummary>> SearchAsync(StudyQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SeriesInfo>> GetSeriesAsync(string studyUid, CancellationToken cancellationToken = default);
    long DownloadInstance(string studyUid, string instanceUid, Stream destination);
    Task<long> DownloadInstanceAsync(string studyUid, string instanceUid, Stream destination, CancellationToken cancellationToken = default);
    Task DeleteStudyAsync(string studyUid, CancellationToken cancellationToken = default);
}

public sealed class ArchiveClientOptions
{
    public Uri BaseAddress { get; set; } = new("https://archive.local/api/v2/");
    public string? ApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
    public int BufferSize { get; set; } = 81920;
}

public sealed class ArchiveClient : IArchiveClient, IDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly HttpClient _http;
    private readonly ArchiveClientOptions _options;
    private readonly bool _ownsClient;

    public ArchiveClient(ArchiveClientOptions options)
        : this(new HttpClient { BaseAddress = options.BaseAddress, Timeout = options.Timeout }, options, ownsClient: true)
    {
    }

    public ArchiveClient(HttpClient http, ArchiveClientOptions options, bool ownsClient = false)
    {
        _http = http;
        _options = options;
        _ownsClient = ownsClient;
        if (options.ApiKey is { Length: > 0 } key)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public StudySummary? GetStudy(string studyUid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StudyPath(studyUid));
        using var response = _http.Send(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        EnsureSuccess(response);
        using var stream = response.Content.ReadAsStream();
        return JsonSerializer.Deserialize<StudySummary>(stream, JsonOptions);
    }

    public async Task<StudySummary?> GetStudyAsync(string studyUid, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(StudyPath(studyUid), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        EnsureSuccess(response);
        return await response.Content.ReadFromJsonAsync<StudySummary>(JsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ExistsAsync(string studyUid, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, StudyPath(studyUid));
        using var response = await _http.SendAsync(request).ConfigureAwait(false); // want ASY012
        return response.IsSuccessStatusCode;
    }

    public async Task<IReadOnlyList<StudySummary>> SearchAsync(StudyQuery query, CancellationToken cancellationToken = default)
    {
        var results = new List<StudySummary>();
        string? continuation = null;
        do
        {
            using var response = await _http.GetAsync(BuildSearchUrl(query, continuation), cancellationToken).ConfigureAwait(false);
            EnsureSuccess(response);
            var page = await response.Content.ReadFromJsonAsync<SearchPage>(JsonOptions, cancellationToken).ConfigureAwait(false)
                       ?? throw new ArchiveException("Archive returned an empty search page");
            results.AddRange(page.Items);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && results.Count < 10_000);

        return results;
    }

    public async Task<IReadOnlyList<SeriesInfo>> GetSeriesAsync(string studyUid, CancellationToken cancellationToken = default) // want ASY009
    {
        var path = StudyPath(studyUid) + "/series";
        return await GetRequiredJsonAsync<IReadOnlyList<SeriesInfo>>(path, cancellationToken).ConfigureAwait(false);
    }

    // Dual API: one implementation, the `async` flag picks the I/O flavour (same shape as Npgsql's readers).
    public long DownloadInstance(string studyUid, string instanceUid, Stream destination)
        => DownloadCoreAsync(studyUid, instanceUid, destination, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public Task<long> DownloadInstanceAsync(string studyUid, string instanceUid, Stream destination, CancellationToken cancellationToken = default)
        => DownloadCoreAsync(studyUid, instanceUid, destination, async: true, cancellationToken);

    private async Task<long> DownloadCoreAsync(string studyUid, string instanceUid, Stream destination, bool async, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{StudyPath(studyUid)}/instances/{Uri.EscapeDataString(instanceUid)}");
        request.Headers.Accept.ParseAdd("application/dicom");

        HttpResponseMessage response;
        if (async)
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        else
            response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

        using (response)
        {
            EnsureSuccess(response);
            Stream source;
            if (async)
                source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            else
                source = response.Content.ReadAsStream(cancellationToken);

            var buffer = ArrayPool<byte>.Shared.Rent(_options.BufferSize);
            try
            {
                long total = 0;
                while (true)
                {
                    int read;
                    if (async)
                        read = await source.ReadAsync(buffer.AsMemory(0, _options.BufferSize), cancellationToken).ConfigureAwait(false);
                    else
                        read = source.Read(buffer, 0, _options.BufferSize);
                    if (read == 0)
                        break;

                    if (async)
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    else
                        destination.Write(buffer, 0, read);
                    total += read;
                }
                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public async Task DeleteStudyAsync(string studyUid, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(StudyPath(studyUid), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
            EnsureSuccess(response);
    }

    private async Task<T> GetRequiredJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response);
        return await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken).ConfigureAwait(false)
               ?? throw new ArchiveException($"Archive returned an empty body for {path}");
    }

    private static string StudyPath(string studyUid) => $"studies/{Uri.EscapeDataString(studyUid)}";

    private static string BuildSearchUrl(StudyQuery query, string? continuation)
    {
        var sb = new StringBuilder("studies?limit=").Append(query.PageSize);
        if (query.PatientId is { } pid) sb.Append("&patientId=").Append(Uri.EscapeDataString(pid));
        if (query.From is { } from) sb.Append("&from=").Append(from.ToString("yyyyMMdd"));
        if (query.To is { } to) sb.Append("&to=").Append(to.ToString("yyyyMMdd"));
        if (query.Modality is { } mod) sb.Append("&modality=").Append(mod);
        if (continuation is not null) sb.Append("&continuation=").Append(Uri.EscapeDataString(continuation));
        return sb.ToString();
    }

    private static void EnsureSuccess(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = response.Content.ReadAsStringAsync().Result; // want ASY001
        var snippet = body.Length > 300 ? body[..300] + "…" : body;
        throw new ArchiveException($"Archive returned {(int)response.StatusCode} {response.ReasonPhrase}: {snippet}", response.StatusCode);
    }

    public void Dispose()
    {
        if (_ownsClient)
            _http.Dispose();
    }
}
