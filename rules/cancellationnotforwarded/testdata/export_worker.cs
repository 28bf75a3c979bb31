using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Workers
{
    public sealed class ExportWorker : BackgroundService
    {
        private readonly Channel<int> _queue = Channel.CreateUnbounded<int>();
        private readonly ILogger<ExportWorker> _logger;
        private readonly IExporter _exporter;

        public ExportWorker(ILogger<ExportWorker> logger, IExporter exporter)
        {
            _logger = logger;
            _exporter = exporter;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
            while (await timer.WaitForNextTickAsync()) // want ASY012
            {
                var id = await _queue.Reader.ReadAsync(); // want ASY012
                _logger.LogInformation("Exporting {Id}", id);
                await _exporter.ExportAsync(id); // want ASY012
                await _exporter.ExportAsync(id, stoppingToken);
                await _exporter.UploadAsync(id, "nightly"); // want ASY012
            }
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await _exporter.FlushAsync(); // want ASY012
            await base.StopAsync(cancellationToken);
        }
    }

    public interface IExporter
    {
        Task ExportAsync(int id, CancellationToken ct = default);
        Task UploadAsync(int id, string tag = null, bool overwrite = false, CancellationToken cancellationToken = default);
        Task FlushAsync(CancellationToken ct = default);
        Task FormatAsync(int id);
        Task FormatAsync(string code, CancellationToken ct = default);
    }

    public sealed class ReportJob
    {
        private readonly IExporter _exporter;

        public ReportJob(IExporter exporter) => _exporter = exporter;

        public async Task RunAsync(int id, CancellationToken ct)
        {
            await _exporter.FormatAsync(id);
            await _exporter.UploadAsync(id, tag: "weekly"); // want ASY012
            Task Later() => _exporter.ExportAsync(id); // want ASY012
            await Later();
        }
    }
}
