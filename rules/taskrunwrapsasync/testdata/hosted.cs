using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Weather.Workers
{
    public class IngestWorker : BackgroundService
    {
        // The host calls ExecuteAsync on its startup path: Task.Run keeps a
        // synchronous stretch of the loop from delaying the other services.
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
            => Task.Run(() => PumpAsync(stoppingToken), stoppingToken);

        public Task RestartAsync(CancellationToken ct)
        {
            return Task.Run(() => PumpAsync(ct), ct); // want ASY008
        }

        private async Task PumpAsync(CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(1000, ct);
            }
        }
    }
}
