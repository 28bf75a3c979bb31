using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Fleetwise.Caching;

public sealed record Position(double Latitude, double Longitude, DateTimeOffset RecordedAt);

public sealed record PositionChanged(string DeviceId, Position Position);

public interface ILastKnownPositionCache
{
    Task<Position?> GetAsync(string deviceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, Position>> GetManyAsync(IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken = default);

    Task SetAsync(string deviceId, Position position, CancellationToken cancellationToken = default);

    Position? GetCached(string deviceId);

    void Invalidate(string deviceId);
}

public interface IPositionFeed
{
    IAsyncEnumerable<PositionChanged> SubscribeAsync(Guid fleetId, CancellationToken cancellationToken = default);
}

public sealed class RedisPositionCache : ILastKnownPositionCache
{
    private const string ActiveDevicesKey = "positions:active";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LocalFreshness = TimeSpan.FromSeconds(10);

    private readonly IConnectionMultiplexer _redis;
    private readonly ConcurrentDictionary<string, Position> _local = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl;
    private readonly ILogger<RedisPositionCache> _logger;

    public RedisPositionCache(IConnectionMultiplexer redis, ILogger<RedisPositionCache> logger, TimeSpan? ttl = null)
    {
        _redis = redis;
        _logger = logger;
        _ttl = ttl ?? TimeSpan.FromDays(7);
    }

    private IDatabase Db => _redis.GetDatabase();

    private static RedisKey Key(string deviceId) => $"positions:{deviceId}";

    public async Task EnsureConnectedAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; !_redis.IsConnected; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attempt > 5)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis did not become available after 5 attempts");
            }

            _logger.LogWarning("Redis not connected yet (attempt {Attempt}), waiting", attempt);
            Thread.Sleep(TimeSpan.FromSeconds(attempt)); // want ASY005
        }

        var latency = await Db.PingAsync().ConfigureAwait(false);
        _logger.LogInformation("Redis ready, ping {Latency} ms", latency.TotalMilliseconds);
    }

    public async Task<Position?> GetAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_local.TryGetValue(deviceId, out var hit) && DateTimeOffset.UtcNow - hit.RecordedAt < LocalFreshness)
        {
            return hit;
        }

        var value = await Db.StringGetAsync(Key(deviceId)).ConfigureAwait(false);
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var position = JsonSerializer.Deserialize<Position>(value.ToString(), JsonOptions);
        if (position is not null)
        {
            _local[deviceId] = position;
        }

        return position;
    }

    public async Task<IReadOnlyDictionary<string, Position>> GetManyAsync(
        IReadOnlyCollection<string> deviceIds,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ids = deviceIds.Distinct(StringComparer.Ordinal).ToArray();
        var values = await Db.StringGetAsync(ids.Select(Key).ToArray()).ConfigureAwait(false);

        var result = new Dictionary<string, Position>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (values[i].IsNullOrEmpty)
            {
                continue;
            }

            var position = JsonSerializer.Deserialize<Position>(values[i].ToString(), JsonOptions);
            if (position is not null)
            {
                result[ids[i]] = position;
            }
        }

        return result;
    }

    // Warm-up for the map page: a failure here only costs a cache miss later, so it is not rethrown.
    public Task WarmAsync(IReadOnlyCollection<string> deviceIds) =>
        GetManyAsync(deviceIds).ContinueWith(
            t =>
            {
                foreach (var (deviceId, position) in t.Result)
                {
                    _local[deviceId] = position;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);

    public async Task SetAsync(string deviceId, Position position, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) // want ASY029
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (_local.TryGetValue(deviceId, out var current) && current.RecordedAt >= position.RecordedAt)
        {
            return; // out-of-order delivery; keep the newer position
        }

        var payload = JsonSerializer.Serialize(position, JsonOptions);
        var stored = await Db.StringSetAsync(Key(deviceId), payload, _ttl).ConfigureAwait(false);
        _ = Db.SortedSetAddAsync(ActiveDevicesKey, deviceId, position.RecordedAt.ToUnixTimeSeconds(), CommandFlags.FireAndForget);

        if (stored)
        {
            _local[deviceId] = position;
        }
    }

    // Used by the synchronous geofence evaluator hot path; never called from async code.
    public Position? GetCached(string deviceId)
    {
        if (_local.TryGetValue(deviceId, out var hit))
        {
            return hit;
        }

        var value = Db.StringGet(Key(deviceId));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Position>(value.ToString(), JsonOptions);
    }

    public void Invalidate(string deviceId)
    {
        _local.TryRemove(deviceId, out _);
        Db.KeyDeleteAsync(Key(deviceId)); // want ASY004
        Db.SortedSetRemove(ActiveDevicesKey, deviceId, CommandFlags.FireAndForget);
    }
}

public sealed class RedisPositionFeed : IPositionFeed
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisPositionFeed> _logger;

    public RedisPositionFeed(IConnectionMultiplexer redis, ILogger<RedisPositionFeed> logger)
    {
        _redis = redis;
        _logger = logger;
    }

    private static RedisChannel ChannelFor(Guid fleetId) => RedisChannel.Literal($"fleet:{fleetId:N}:positions");

    public async Task PublishAsync(Guid fleetId, PositionChanged change)
    {
        var payload = JsonSerializer.Serialize(change, JsonOptions);
        var receivers = await _redis.GetSubscriber().PublishAsync(ChannelFor(fleetId), payload).ConfigureAwait(false);
        if (receivers == 0)
        {
            _logger.LogTrace("No live subscribers for fleet {FleetId}", fleetId);
        }
    }

    public async IAsyncEnumerable<PositionChanged> SubscribeAsync(
        Guid fleetId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = Channel.CreateBounded<PositionChanged>(new BoundedChannelOptions(512)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var subscriber = _redis.GetSubscriber();
        var channel = ChannelFor(fleetId);

        void OnMessage(RedisChannel _, RedisValue message)
        {
            var change = JsonSerializer.Deserialize<PositionChanged>(message.ToString(), JsonOptions);
            if (change is not null)
            {
                buffer.Writer.TryWrite(change);
            }
        }

        await subscriber.SubscribeAsync(channel, OnMessage).ConfigureAwait(false);
        try
        {
            await foreach (var change in buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel, OnMessage).ConfigureAwait(false);
            buffer.Writer.TryComplete();
        }
    }
}
