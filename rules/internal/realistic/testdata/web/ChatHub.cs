using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Shop.Web.Hubs;

public sealed class SupportChatHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Agents = new();
    private readonly ILogger<SupportChatHub> _logger;

    public SupportChatHub(ILogger<SupportChatHub> logger)
    {
        _logger = logger;
    }

    public override async Task OnConnectedAsync()
    {
        var user = Context.UserIdentifier ?? Context.ConnectionId;
        await Groups.AddToGroupAsync(Context.ConnectionId, "customers");
        _logger.LogInformation("{User} connected", user);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        Agents.TryRemove(Context.ConnectionId, out _);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, "customers");
        await base.OnDisconnectedAsync(exception);
    }

    public async Task RegisterAgent(string displayName)
    {
        Agents[Context.ConnectionId] = displayName;
        await Groups.AddToGroupAsync(Context.ConnectionId, "agents");
        await Clients.Group("customers").SendAsync("AgentOnline", displayName);
    }

    public async Task SendToAgents(string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return;
        }

        var from = Context.UserIdentifier ?? "guest";
        await Clients.Group("agents").SendAsync("CustomerMessage", from, message);
        Clients.Caller.SendAsync("Delivered", DateTimeOffset.UtcNow); // want ASY004
    }

    public Task Typing(bool isTyping)
    {
        return Clients.OthersInGroup("customers").SendAsync("Typing", Context.UserIdentifier, isTyping);
    }
}
