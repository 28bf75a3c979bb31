using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Services;

public interface IPushChannel
{
    string Name { get; }
    Task<bool> PushAsync(string userId, string message, CancellationToken cancellationToken);
}

public sealed class NotificationDispatcher
{
    private readonly IReadOnlyList<IPushChannel> _channels;
    private readonly IUserDirectory _users;
    private readonly ILogger<NotificationDispatcher> _logger;

    public NotificationDispatcher(IEnumerable<IPushChannel> channels, IUserDirectory users, ILogger<NotificationDispatcher> logger)
    {
        _channels = channels.ToList();
        _users = users;
        _logger = logger;
    }

    public async Task<int> BroadcastAsync(string message, CancellationToken cancellationToken)
    {
        var userIds = await _users.ActiveUserIdsAsync(cancellationToken);
        var sends = new List<Task<bool>>();
        foreach (var userId in userIds)
        {
            foreach (var channel in _channels)
            {
                sends.Add(channel.PushAsync(userId, message, cancellationToken));
            }
        }

        var results = await Task.WhenAll(sends);
        return results.Count(ok => ok);
    }

    public async Task<IReadOnlyList<UserProfile>> LoadProfilesAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var profiles = new List<UserProfile>();
        foreach (var id in userIds)
        {
            var profile = await _users.GetProfileAsync(id, cancellationToken); // want ASY010
            profiles.Add(profile);
        }

        return profiles;
    }

    public async Task<bool> PushWithTimeoutAsync(string userId, string message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var push = _channels[0].PushAsync(userId, message, cts.Token);
        var delay = Task.Delay(timeout, cts.Token);
        var winner = await Task.WhenAny(push, delay);
        if (winner == delay)
        {
            _logger.LogWarning("Push to {User} timed out after {Timeout}", userId, timeout);
            return false;
        }

        cts.Cancel();
        return await push;
    }

    public async Task NotifyFirstResponderAsync(string incidentId, CancellationToken cancellationToken)
    {
        var primary = _channels[0].PushAsync("oncall-primary", incidentId, cancellationToken);
        var secondary = _channels[1].PushAsync("oncall-secondary", incidentId, cancellationToken);
        await Task.WhenAny(primary, secondary); // want ASY026
        _logger.LogInformation("Incident {Incident} dispatched", incidentId);
    }

    public async Task FlushAsync(Task pending) // want ASY009
    {
        await Task.WhenAll(pending); // want ASY030
    }

    public async Task<IReadOnlyDictionary<string, bool>> ProbeChannelsAsync(CancellationToken cancellationToken)
    {
        var probes = _channels.ToDictionary(c => c.Name, c => c.PushAsync("probe", "ping", cancellationToken));
        await Task.WhenAll(probes.Values);
        return probes.ToDictionary(kv => kv.Key, kv => kv.Value.Result);
    }
}

public interface IUserDirectory
{
    Task<IReadOnlyList<string>> ActiveUserIdsAsync(CancellationToken cancellationToken);
    Task<UserProfile> GetProfileAsync(string userId, CancellationToken cancellationToken);
}

public sealed record UserProfile(string Id, string DisplayName, string Locale);
