using System.Collections.Concurrent;
using Freightly.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Freightly.Infrastructure.Capacity;

public interface IDockCapacityService
{
    ValueTask<int> GetFreeCapacityAsync(string depotCode, DateOnly day, CancellationToken ct = default);
    Task<DockSlot?> FindSlotAsync(string depotCode, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
    Task<bool> TryReserveAsync(int slotId, decimal weightKg, CancellationToken ct = default);
}

public interface ICapacityNotifier
{
    Task CapacityChangedAsync(string depotCode, int freeSlots, CancellationToken ct = default);
}

public sealed class AsyncKeyedLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> LockAsync(string key, CancellationToken ct = default)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    // For the synchronous printer bridge only.
    public IDisposable Lock(string key)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}

public sealed class DockCapacityService : IDockCapacityService
{
    private static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(30);

    private readonly IDbContextFactory<FreightlyDbContext> _factory;
    private readonly IMemoryCache _cache;
    private readonly ICapacityNotifier _notifier;
    private readonly ILogger<DockCapacityService> _logger;
    private readonly AsyncKeyedLock _locks = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _pendingLoads = new();
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DockCapacityService(
        IDbContextFactory<FreightlyDbContext> factory,
        IMemoryCache cache,
        ICapacityNotifier notifier,
        ILogger<DockCapacityService> logger)
    {
        _factory = factory;
        _cache = cache;
        _notifier = notifier;
        _logger = logger;
    }

    public Task FirstLoadCompleted => _firstLoad.Task;

    public ValueTask<int> GetFreeCapacityAsync(string depotCode, DateOnly day, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(CacheKey(depotCode, day), out int free))
            return ValueTask.FromResult(free);

        // The shared load must not be cancelled by whichever caller happened to start it;
        // each caller only stops waiting for it.
        return new ValueTask<int>(LoadFreeCapacityAsync(depotCode, day).WaitAsync(ct));
    }

    private Task<int> LoadFreeCapacityAsync(string depotCode, DateOnly day)
    {
        // Coalesce concurrent cache misses for the same depot/day into a single query.
        var key = CacheKey(depotCode, day);
        var tcs = new TaskCompletionSource<int>(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY022 ASY031
        var owner = _pendingLoads.GetOrAdd(key, tcs);
        if (!ReferenceEquals(owner, tcs))
            return owner.Task;

        _ = QueryFreeCapacityAsync(depotCode, day, CancellationToken.None).ContinueWith(t => // want ASY016
        {
            _pendingLoads.TryRemove(key, out _);
            if (t.IsCompletedSuccessfully)
            {
                _cache.Set(key, t.Result, CacheTtl);
                _firstLoad.TrySetResult();
                tcs.TrySetResult(t.Result);
            }
            else if (t.IsCanceled)
                tcs.TrySetCanceled();
            else
                tcs.TrySetException(t.Exception!.InnerExceptions);
        });

        return tcs.Task;
    }

    private async Task<int> QueryFreeCapacityAsync(string depotCode, DateOnly day, CancellationToken ct)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);

        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.DockSlots
            .Where(s => s.DepotCode == depotCode && s.StartsAt >= start && s.StartsAt < end)
            .SumAsync(s => s.Capacity - s.Reserved, ct);
    }

    public async Task<DockSlot?> FindSlotAsync(string depotCode, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var pending = GetFreeCapacityAsync(depotCode, DateOnly.FromDateTime(from.UtcDateTime), ct);
        var free = pending.IsCompletedSuccessfully ? pending.Result : await pending;
        if (free <= 0)
            return null;

        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.DockSlots
            .AsNoTracking()
            .Where(s => s.DepotCode == depotCode && s.StartsAt >= from && s.StartsAt < to && s.Reserved < s.Capacity)
            .OrderBy(s => s.StartsAt)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<bool> TryReserveAsync(int slotId, decimal weightKg, CancellationToken ct = default)
    {
        DockSlot? slot;
        await using (var db = await _factory.CreateDbContextAsync(ct))
        {
            slot = await db.DockSlots.FirstOrDefaultAsync(s => s.Id == slotId, ct);
            if (slot is null || slot.Reserved >= slot.Capacity)
                return false;

            using (_locks.LockAsync(slot.DepotCode, ct)) // want ASY034
            {
                slot.Reserved++;
                await db.SaveChangesAsync(ct);
            }
        }

        var day = DateOnly.FromDateTime(slot.StartsAt.UtcDateTime);
        _cache.Remove(CacheKey(slot.DepotCode, day));
        var freeTask = GetFreeCapacityAsync(slot.DepotCode, day, ct);
        var free = await freeTask;

        _ = _notifier.CapacityChangedAsync(slot.DepotCode, free, ct).ContinueWith(
            t => _logger.LogWarning(t.Exception, "Capacity notification for {Depot} failed", slot.DepotCode),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);

        _logger.LogDebug("Reserved slot {SlotId} ({Weight} kg); depot {Depot} has {Free} free", slotId, weightKg, slot.DepotCode, freeTask.Result); // want ASY019
        return true;
    }

    // Called once from Program.cs after startup to fill the cache for today's depots.
    public Task PrimeAsync(IReadOnlyCollection<string> depotCodes, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new Task(() => // want ASY015
        {
            using var db = _factory.CreateDbContext();
            foreach (var depot in depotCodes)
            {
                var start = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var free = db.DockSlots
                    .Where(s => s.DepotCode == depot && s.StartsAt >= start && s.StartsAt < start.AddDays(1))
                    .Sum(s => s.Capacity - s.Reserved);
                _cache.Set(CacheKey(depot, today), free, CacheTtl);
            }
            _firstLoad.TrySetResult();
        }, ct);
    }

    private static string CacheKey(string depotCode, DateOnly day) => $"dock:{depotCode.ToUpperInvariant()}:{day:yyyyMMdd}";
}
