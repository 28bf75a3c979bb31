using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Shop.Notifications
{
    public interface IEmailSender
    {
        Task SendAsync(string to, string subject);
    }

    public class NotificationOptions
    {
        public Action<Exception> OnError { get; set; }
        public Func<Exception, Task> OnErrorAsync { get; set; }
    }

    public class NotificationService
    {
        private readonly IEmailSender _sender;
        private readonly ILogger<NotificationService> _logger;
        private readonly List<string> _recipients = new List<string>();
        private Action _onCompleted;
        private Func<Task> _onCompletedAsync;

        public NotificationService(IEmailSender sender, ILogger<NotificationService> logger)
        {
            _sender = sender;
            _logger = logger;
        }

        public void NotifyAll(string subject)
        {
            _recipients.ForEach(async r => await _sender.SendAsync(r, subject)); // want ASY003
            _recipients.ForEach(r => _logger.LogInformation("Queued {Recipient}", r));
        }

        public async Task NotifyAllAsync(IEnumerable<string> recipients, string subject)
        {
            recipients.ToList().ForEach(async r => // want ASY003
            {
                await _sender.SendAsync(r, subject);
            });
            foreach (var r in recipients)
            {
                await _sender.SendAsync(r, subject);
            }
        }

        public void NotifyImmutable(ImmutableList<string> recipients)
        {
            recipients.ForEach(async delegate (string r) { await _sender.SendAsync(r, "hi"); }); // want ASY003
            var tasks = recipients.Select(async r => await _sender.SendAsync(r, "hi")).ToList();
            Task.WhenAll(tasks).Wait();
        }

        public void NotifyArray(string[] recipients)
        {
            Array.ForEach(recipients, async r => await _sender.SendAsync(r, "hi")); // want ASY003
            Array.ForEach(recipients, r => Console.WriteLine(r));
            Array.Sort(recipients, (a, b) => string.CompareOrdinal(a, b));
        }

        public void Configure(NotificationOptions options)
        {
            options.OnError = async ex => await _sender.SendAsync("ops@example.com", ex.Message); // want ASY003
            options.OnErrorAsync = async ex => await _sender.SendAsync("ops@example.com", ex.Message);
            var copy = new NotificationOptions
            {
                OnError = async ex => await _sender.SendAsync("ops@example.com", ex.Message), // want ASY003
                OnErrorAsync = async ex => await _sender.SendAsync("ops@example.com", ex.Message),
            };
            _onCompleted = async () => await _sender.SendAsync("ops@example.com", "done"); // want ASY003
            _onCompletedAsync = async () => await _sender.SendAsync("ops@example.com", "done");
            Action local = async () => await _sender.SendAsync("ops@example.com", "local"); // want ASY003
            Func<Task> localAsync = async () => await _sender.SendAsync("ops@example.com", "local");
            Action sync = () => _logger.LogInformation("sync");
            var inferred = async () => await _sender.SendAsync("ops@example.com", "natural");
            local();
            sync();
        }

        public Action MakeCallback(string to)
        {
            return async () => await _sender.SendAsync(to, "callback"); // want ASY003
        }

        public Func<Task> MakeAsyncCallback(string to)
        {
            return async () => await _sender.SendAsync(to, "callback");
        }

        public Action<string> Notifier => async to => await _sender.SendAsync(to, "arrow"); // want ASY003
    }
}
