using System;
using System.Net;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Services;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "noreply@example.com";
    public string? User { get; set; }
    public string? Password { get; set; }
}

public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _options;
    private readonly ILogger<SmtpEmailSender> _logger;

    public SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        using var message = new MailMessage(_options.From, to, subject, htmlBody) { IsBodyHtml = true };
        using var client = CreateClient();
        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (SmtpException ex)
        {
            _logger.LogError(ex, "Sending '{Subject}' to {To} failed", subject, to);
            throw;
        }
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(_options.Host, _options.Port) { EnableSsl = _options.Port != 25 };
        if (_options.User is not null)
        {
            client.Credentials = new NetworkCredential(_options.User, _options.Password);
        }

        return client;
    }
}

public sealed class ThrottledEmailSender : IEmailSender
{
    private readonly IEmailSender _inner;
    private readonly SemaphoreSlim _gate;
    private readonly TimeSpan _spacing;

    public ThrottledEmailSender(IEmailSender inner, int maxConcurrent, TimeSpan spacing)
    {
        _inner = inner;
        _gate = new SemaphoreSlim(maxConcurrent, maxConcurrent);
        _spacing = spacing;
    }

    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _inner.SendAsync(to, subject, htmlBody, cancellationToken).ConfigureAwait(false);
            await Task.Delay(_spacing, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class NullEmailSender : IEmailSender
{
    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
        => Task.CompletedTask;
}
