using System;
using System.ComponentModel;
using System.IO;
using System.Net.Mail;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shop.Workers
{
    public sealed class Message
    {
        public string Body { get; set; }
    }

    public interface IMessageBus
    {
        Task PublishAsync(Message message, CancellationToken token = default);
    }

    public sealed class LegacyNotifier
    {
        // Event-style API: completion arrives through an event, nothing is returned.
        public void NotifyAsync(string text) { }
        public async void FireAsync(string text) => await Task.Delay(1);
    }

    public sealed class OutboxWorker : BackgroundService
    {
        private readonly Channel<Message> _channel = Channel.CreateUnbounded<Message>();
        private readonly IMessageBus _bus;
        private readonly LegacyNotifier _notifier = new LegacyNotifier();
        private readonly BackgroundWorker _legacy = new BackgroundWorker();
        private readonly SmtpClient _smtp = new SmtpClient("localhost");
        private readonly ILogger<OutboxWorker> _log;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
        private Timer _timer;

        public OutboxWorker(IMessageBus bus, ILogger<OutboxWorker> log)
        {
            _bus = bus;
            _log = log;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            DrainAsync(stoppingToken); // want ASY004
            _ = DrainAsync(stoppingToken);
            var drain = DrainAsync(stoppingToken);
            _legacy.RunWorkerAsync();
            _legacy.CancelAsync();
            _smtp.SendAsync(new MailMessage(), null);
            _notifier.NotifyAsync("started");
            _notifier.FireAsync("started");
            _channel.Writer.WriteAsync(new Message(), stoppingToken); // want ASY004
            _gate.WaitAsync(stoppingToken); // want ASY004
            _gate.Release();
            Task.Factory.StartNew(() => Compact(), stoppingToken); // want ASY004
            LogAsync("worker started");

            while (!stoppingToken.IsCancellationRequested)
            {
                await foreach (var message in _channel.Reader.ReadAllAsync(stoppingToken))
                {
                    _bus.PublishAsync(message, stoppingToken); // want ASY004
                    await _bus.PublishAsync(message, stoppingToken);
                }
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }

            await drain;

            void LogAsync(string text) => _log.LogInformation(text);
        }

        private async Task DrainAsync(CancellationToken token)
        {
            await using var file = File.OpenWrite("outbox.log");
            file.FlushAsync(token); // want ASY004
            file.DisposeAsync(); // want ASY004
            await file.FlushAsync(token);
        }

        public override Task StopAsync(CancellationToken cancellationToken)
        {
            _timer?.Dispose();
            _timer?.DisposeAsync(); // want ASY004
            base.StopAsync(cancellationToken); // want ASY004
            return base.StopAsync(cancellationToken);
        }

        private void Compact()
        {
            Parallel.ForEachAsync(new[] { 1, 2 }, async (i, ct) => await Task.Delay(i, ct)); // want ASY004
            Parallel.ForEach(new[] { 1, 2 }, i => Thread.Sleep(i));
        }
    }
}
