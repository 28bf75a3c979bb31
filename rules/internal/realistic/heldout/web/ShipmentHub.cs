using System.Runtime.CompilerServices;
using Freightly.Application.Bookings;
using Freightly.Domain;
using Freightly.Infrastructure.Capacity;
using Freightly.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Freightly.Api.Hubs;

public interface IShipmentClient
{
    Task TrackingUpdated(TrackingEventDto evt);
    Task BookingStatusChanged(Guid bookingId, BookingStatus status);
    Task DockCapacityChanged(string depotCode, int freeSlots);
}

public sealed record VehiclePosition(string VehicleId, double Latitude, double Longitude, DateTimeOffset At);

public interface IVehicleTelemetry
{
    IAsyncEnumerable<VehiclePosition> WatchAsync(string vehicleId, CancellationToken ct = default);
}

public interface ITimelineReader
{
    IAsyncEnumerable<TrackingEventDto> ReadAsync(string reference);
}

public interface IPresenceTracker
{
    Task UserConnectedAsync(string userId, string connectionId, CancellationToken ct = default);
    Task UserDisconnectedAsync(string userId, string connectionId, CancellationToken ct = default);
}

[Authorize]
public sealed class ShipmentHub : Hub<IShipmentClient>
{
    private readonly IBookingRepository _bookings;
    private readonly IVehicleTelemetry _telemetry;
    private readonly ITimelineReader _timeline;
    private readonly IDockCapacityService _capacity;
    private readonly IPresenceTracker _presence;
    private readonly ILogger<ShipmentHub> _logger;

    public ShipmentHub(
        IBookingRepository bookings,
        IVehicleTelemetry telemetry,
        ITimelineReader timeline,
        IDockCapacityService capacity,
        IPresenceTracker presence,
        ILogger<ShipmentHub> logger)
    {
        _bookings = bookings;
        _telemetry = telemetry;
        _timeline = timeline;
        _capacity = capacity;
        _presence = presence;
        _logger = logger;
    }

    public static string GroupFor(string reference) => $"booking:{reference.ToUpperInvariant()}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.UserIdentifier ?? "anonymous";
        await _presence.UserConnectedAsync(user, Context.ConnectionId, Context.ConnectionAborted);
        if (Context.User?.IsInRole("Ops") == true)
            await Groups.AddToGroupAsync(Context.ConnectionId, "ops", Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (exception is not null)
            _logger.LogDebug(exception, "Connection {ConnectionId} dropped", Context.ConnectionId);

        await _presence.UserDisconnectedAsync(Context.UserIdentifier ?? "anonymous", Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public async Task<bool> Follow(string reference)
    {
        var booking = await _bookings.FindByReferenceAsync(reference, Context.ConnectionAborted);
        if (booking is null || !CanSee(booking))
            return false;

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(reference), Context.ConnectionAborted);
        return true;
    }

    public Task Unfollow(string reference) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(reference));

    [Authorize(Roles = "Ops,Carrier")]
    public async Task UpdateStatus(string reference, BookingStatus status)
    {
        var booking = await _bookings.FindByReferenceAsync(reference, Context.ConnectionAborted)
                      ?? throw new HubException($"Unknown booking {reference}");
        if (booking.Status == status)
            return;

        booking.Status = status;
        await _bookings.SaveAsync(Context.ConnectionAborted);
        BroadcastStatus(booking.Id, reference, status);
    }

    private async void BroadcastStatus(Guid bookingId, string reference, BookingStatus status) // want ASY002
    {
        await Clients.Group(GroupFor(reference)).BookingStatusChanged(bookingId, status);
        await Clients.Group("ops").BookingStatusChanged(bookingId, status);
    }

    public async IAsyncEnumerable<VehiclePosition> StreamVehicle(
        string vehicleId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var position in _telemetry.WatchAsync(vehicleId, cancellationToken))
        {
            yield return position;
        }
    }

    public async IAsyncEnumerable<int> StreamDockCapacity(string depotCode, CancellationToken cancellationToken) // want ASY021
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            yield return await _capacity.GetFreeCapacityAsync(depotCode, today, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    public async IAsyncEnumerable<TrackingEventDto> ReplayTimeline(
        string reference,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var evt in _timeline.ReadAsync(reference)) // want ASY027
        {
            yield return evt;
        }
    }

    private bool CanSee(Booking booking) =>
        Context.User?.IsInRole("Ops") == true
        || string.Equals(Context.User?.FindFirst("customer_id")?.Value, booking.CustomerId.ToString(), StringComparison.OrdinalIgnoreCase);
}

public sealed class SignalRCapacityNotifier(IHubContext<ShipmentHub, IShipmentClient> hub) : ICapacityNotifier
{
    public Task CapacityChangedAsync(string depotCode, int freeSlots, CancellationToken ct = default) =>
        hub.Clients.Group($"depot:{depotCode}").DockCapacityChanged(depotCode, freeSlots);
}
