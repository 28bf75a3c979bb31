using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

public sealed class CacheService : ICacheService, IDisposable
{
    private readonly IMemoryCache _memory;
    private readonly IDistributedCache _distributed;
    private readonly ILogger<CacheService> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private readonly SemaphoreSlim _clearLock = new(1, 1);

    public CacheService(IMemoryCache memory, IDistributedCache distributed, ILogger<CacheService> logger)
    {
        _memory = memory;
        _distributed = distributed;
        _logger = logger;
    }

    public async Task<T?> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> factory, TimeSpan ttl, CancellationToken cancellationToken = default)
        where T : class
    {
        if (_memory.TryGetValue(key, out T? hit))
        {
            return hit;
        }

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_memory.TryGetValue(key, out hit))
            {
                return hit;
            }

            var value = await factory(cancellationToken);
            _memory.Set(key, value, ttl);
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        _clearLock.Wait(cancellationToken); // want ASY006
        try
        {
            foreach (var key in _locks.Keys)
            {
                _memory.Remove(key);
                await _distributed.RemoveAsync(key, cancellationToken);
            }
        }
        finally
        {
            _clearLock.Release();
        }
    }

    public async Task<string?> GetSharedAsync(string key, CancellationToken cancellationToken)
    {
        var value = await _distributed.GetStringAsync(key, cancellationToken);
        if (value is null)
        {
            _logger.LogDebug("Cache miss for {Key}", key);
        }

        return value;
    }

    public async Task SetSharedAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken) // want ASY009
    {
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl };
        await _distributed.SetStringAsync(key, value, options); // want ASY012
    }

    public bool TryEnterFast(string key)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        return gate.Wait(0);
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }

        _clearLock.Dispose();
    }
}
