using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

namespace Freight.Tracking
{
    public interface ITrackingClient
    {
        Task PositionChanged(string reference, double lat, double lon);
        Task Delivered(string reference);
    }

    public sealed class TrackingHub : Hub<ITrackingClient>
    {
        public async Task Subscribe(string reference)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, reference);
            Clients.Caller.Delivered(reference); // want ASY004
            await Clients.Caller.PositionChanged(reference, 0, 0);
        }
    }

    public sealed class TrackingNotifier
    {
        private readonly IHubContext<TrackingHub, ITrackingClient> _hub;

        public TrackingNotifier(IHubContext<TrackingHub, ITrackingClient> hub) => _hub = hub;

        public async Task MovedAsync(string reference, double lat, double lon)
        {
            _hub.Clients.Group(reference).PositionChanged(reference, lat, lon); // want ASY004
            await _hub.Clients.All.Delivered(reference);
            _ = _hub.Clients.Group(reference).Delivered(reference);
        }
    }
}
