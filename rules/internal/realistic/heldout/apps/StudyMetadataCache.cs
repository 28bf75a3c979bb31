// Lumen Archive SDK — in-process cache of study metadata with request coalescing.
// Used by the viewer (browsing is very chatty) and by the ingest workers.
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Lumen.Archive.Sdk.Caching;

public sealed class StudyCacheOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);
    public int WarmupParallelism { get; set; } = 8;
}

public sealed class StudyMetadataCache : IDisposable
{
    private readonly IArchiveClient _client;
    private readonly IMemoryCache _cache;
    private readonly StudyCacheOptions _options;
    private readonly ILogger<StudyMetadataCache> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<StudySummary?>>> _inflight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _maintenance = new(1, 1);
    private long _hits;
    private long _misses;

    public StudyMetadataCache(IArchiveClient client, IMemoryCache cache, StudyCacheOptions options, ILogger<StudyMetadataCache> logger)
    {
        _client = client;
        _cache = cache;
        _options = options;
        _logger = logger;
    }

    public (long Hits, long Misses) Statistics => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    private static string Key(string studyUid) => "study:" + studyUid;

    public ValueTask<StudySummary?> GetAsync(string studyUid, CancellationToken cancellationToken = default)
    {
        if (_options.Enabled && _cache.TryGetValue(Key(studyUid), out StudySummary? cached))
        {
            Interlocked.Increment(ref _hits);
            return ValueTask.FromResult(cached);
        }

        Interlocked.Increment(ref _misses);
        return new ValueTask<StudySummary?>(LoadAsync(studyUid, cancellationToken));
    }

    public async Task<StudySummary> GetRequiredAsync(string studyUid, CancellationToken cancellationToken = default)
    {
        var lookup = GetAsync(studyUid, cancellationToken);
        if (await lookup is null)
            throw new ArchiveException($"Study {studyUid} is not in the archive", HttpStatusCode.NotFound);
        return (await lookup)!; // want ASY019
    }

    // Peek without starting a load: the status bar shows "loading…" vs the patient name.
    public StudySummary? TryGetCompleted(string studyUid)
    {
        if (_cache.TryGetValue(Key(studyUid), out StudySummary? cached))
            return cached;
        if (!_inflight.TryGetValue(studyUid, out var lazy) || !lazy.IsValueCreated)
            return null;

        var pending = lazy.Value;
        if (pending.IsCompletedSuccessfully)
            return pending.Result;
        return null;
    }

    private async Task<StudySummary?> LoadAsync(string studyUid, CancellationToken cancellationToken)
    {
        // Coalesce concurrent callers onto one request; each caller can still give up on its own token.
        var lazy = _inflight.GetOrAdd(studyUid, uid =>
            new Lazy<Task<StudySummary?>>(() => _client.GetStudyAsync(uid, CancellationToken.None)));
        try
        {
            var study = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (study is not null && _options.Enabled)
                _cache.Set(Key(studyUid), study, _options.TimeToLive);
            return study;
        }
        finally
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompleted)
                _inflight.TryRemove(new KeyValuePair<string, Lazy<Task<StudySummary?>>>(studyUid, lazy));
        }
    }

    public Task RefreshAsync(string studyUid, CancellationToken cancellationToken = default)
    {
        if (!_options.Enabled)
            return null; // want ASY014
        _cache.Remove(Key(studyUid));
        return LoadAsync(studyUid, cancellationToken);
    }

    public void OnStudyChanged(string studyUid)
    {
        _logger.LogDebug("Study {Study} changed upstream; refreshing cache entry", studyUid);
        _cache.Remove(Key(studyUid));
        RefreshAsync(studyUid); // want ASY004
    }

    public async Task<int> WarmAsync(IReadOnlyCollection<string> studyUids, CancellationToken cancellationToken = default)
    {
        await _maintenance.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var missing = studyUids.Where(uid => !_cache.TryGetValue(Key(uid), out _)).Distinct().ToList();
            if (missing.Count == 0)
                return 0;

            using var throttle = new SemaphoreSlim(_options.WarmupParallelism);
            var loads = missing.Select(async uid =>
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await LoadAsync(uid, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    throttle.Release();
                }
            }).ToArray();

            var studies = await Task.WhenAll(loads).ConfigureAwait(false);
            var loaded = studies.Count(s => s is not null);
            _logger.LogInformation("Cache warm-up loaded {Loaded}/{Requested} studies", loaded, missing.Count);
            return loaded;
        }
        finally
        {
            _maintenance.Release();
        }
    }

    public void Clear()
    {
        _maintenance.Wait();
        try
        {
            if (_cache is MemoryCache memoryCache)
                memoryCache.Compact(1.0);
            _inflight.Clear();
            Interlocked.Exchange(ref _hits, 0);
            Interlocked.Exchange(ref _misses, 0);
        }
        finally
        {
            _maintenance.Release();
        }
    }

    public void Dispose() => _maintenance.Dispose();
}
