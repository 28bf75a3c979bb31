using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shop.Services;

namespace Shop.Tests.Caching;

[TestClass]
public class CacheServiceTests
{
    private MemoryCache _memory = null!;
    private MemoryDistributedCache _distributed = null!;
    private CacheService _cache = null!;

    [TestInitialize]
    public void Init()
    {
        _memory = new MemoryCache(new MemoryCacheOptions());
        _distributed = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        _cache = new CacheService(_memory, _distributed, NullLogger<CacheService>.Instance);
    }

    [TestCleanup]
    public void Cleanup()
    {
        _cache.Dispose();
        _memory.Dispose();
    }

    [TestMethod]
    public async Task Factory_runs_once_for_concurrent_callers()
    {
        var calls = 0;
        async Task<string> Factory(CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(50, ct);
            return "value";
        }

        var a = _cache.GetOrAddAsync("k", Factory, TimeSpan.FromMinutes(1));
        var b = _cache.GetOrAddAsync("k", Factory, TimeSpan.FromMinutes(1));
        var results = await Task.WhenAll(a, b);

        Assert.AreEqual(1, calls);
        CollectionAssert.AreEqual(new[] { "value", "value" }, results);
    }

    [TestMethod]
    public async Task Shared_values_round_trip()
    {
        await _cache.SetSharedAsync("greeting", "hello", TimeSpan.FromMinutes(5), CancellationToken.None);

        var value = await _cache.GetSharedAsync("greeting", CancellationToken.None);

        Assert.AreEqual("hello", value);
    }

    [TestMethod]
    public async void Clear_removes_everything() // want ASY002
    {
        await _cache.GetOrAddAsync("x", _ => Task.FromResult("1"), TimeSpan.FromMinutes(1));
        await _cache.ClearAsync();

        Assert.IsFalse(_memory.TryGetValue("x", out _));
    }

    [TestMethod]
    public async Task Cancelled_factory_propagates()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsExceptionAsync<TaskCanceledException>(() =>
            _cache.GetOrAddAsync("y", ct => Task.FromCanceled<string>(ct), TimeSpan.FromMinutes(1), cts.Token));
    }

    [TestMethod]
    public void Fast_path_does_not_block()
    {
        Assert.IsTrue(_cache.TryEnterFast("z"));
        Assert.IsFalse(_cache.TryEnterFast("z"));
    }
}
