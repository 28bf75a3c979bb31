using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Telemetry.Worker
{
    public sealed class TelemetryPump : BackgroundService
    {
        private readonly ITelemetrySocket _socket;
        private Timer _timer;

        public TelemetryPump(ITelemetrySocket socket) => _socket = socket;

        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            async void OnFrame(string frame)
            {
                await _socket.AckAsync(frame);
            }

            async void Reconnect() // want ASY002
            {
                await _socket.ConnectAsync(stoppingToken);
            }

            _socket.FrameReceived += OnFrame;
            _socket.Closed += async (s, e) => await _socket.ConnectAsync(stoppingToken);
            _timer = new Timer(OnTick, null, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Func<Task> ping = async () => await _socket.PingAsync();
            Reconnect();
            return Task.CompletedTask;
        }

        private async void OnTick(object state)
        {
            await _socket.PingAsync();
        }

        private async void Flush(int batch) // want ASY002
        {
            await _socket.PingAsync();
        }

        public override void Dispose()
        {
            _timer?.Dispose();
            Flush(0);
            base.Dispose();
        }
    }

    public interface ITelemetrySocket
    {
        event Action<string> FrameReceived;
        event EventHandler Closed;
        Task ConnectAsync(CancellationToken token);
        Task AckAsync(string frame);
        Task PingAsync();
    }
}
