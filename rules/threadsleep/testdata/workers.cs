using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Workers
{
    public sealed class InboxPoller : BackgroundService
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
        private readonly ILogger<InboxPoller> _log;

        public InboxPoller(ILogger<InboxPoller> log) => _log = log;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var handled = await PollOnceAsync(stoppingToken);
                if (handled == 0)
                {
                    Thread.Sleep(Interval); // want ASY005
                }
                Thread.Sleep(Timeout.Infinite); // want ASY005
            }
        }

        private Task<int> PollOnceAsync(CancellationToken token)
        {
            Thread.Sleep(10); // want ASY005
            return Task.FromResult(0);
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            var drain = Task.Run(() =>
            {
                Thread.Sleep(100);
                _log.LogInformation("drained");
            }, cancellationToken);
            await drain;
            await base.StopAsync(cancellationToken);
        }
    }

    public sealed class ReportJob
    {
        // A synchronous job body (Hangfire-style): blocking is its own business.
        public void Execute()
        {
            Thread.Sleep(TimeSpan.FromMinutes(1));
        }

        public static async Task Main(string[] args)
        {
            new ReportJob().Execute();
            System.Threading.Thread.Sleep(250); // want ASY005
            await Task.CompletedTask;
        }
    }
}
