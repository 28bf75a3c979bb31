using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shop.Services;

namespace Shop.Workers.Jobs;

public interface IScheduledJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task ExecuteAsync(CancellationToken cancellationToken);
}

public sealed class DailyReportJob : IScheduledJob
{
    private readonly ReportGenerator _reports;
    private readonly IEmailSender _email;
    private readonly ILogger<DailyReportJob> _logger;

    public DailyReportJob(ReportGenerator reports, IEmailSender email, ILogger<DailyReportJob> logger)
    {
        _reports = reports;
        _email = email;
        _logger = logger;
    }

    public string Name => "daily-report";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var yesterday = DateTime.UtcNow.Date.AddDays(-1);
        await _reports.ArchiveAsync(yesterday, cancellationToken);
        var csv = await _reports.BuildDailyCsvAsync(yesterday, cancellationToken);
        await _email.SendAsync("finance@example.com", $"Orders {yesterday:yyyy-MM-dd}", $"<pre>{csv}</pre>", cancellationToken);
        _logger.LogInformation("Daily report for {Day} sent", yesterday);
    }
}

public sealed class JobScheduler : IDisposable
{
    private readonly IReadOnlyList<IScheduledJob> _jobs;
    private readonly ILogger<JobScheduler> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = new();

    public JobScheduler(IReadOnlyList<IScheduledJob> jobs, ILogger<JobScheduler> logger)
    {
        _jobs = jobs;
        _logger = logger;
    }

    public void Start()
    {
        foreach (var job in _jobs)
        {
            var loop = Task.Factory.StartNew(
                () => RunLoopAsync(job, _stop.Token),
                _stop.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();
            _loops.Add(loop);
        }
    }

    public async Task StopAsync()
    {
        _stop.Cancel();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunLoopAsync(IScheduledJob job, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await job.ExecuteAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Job {Job} failed", job.Name);
            }

            await Task.Delay(job.Interval, cancellationToken);
        }
    }

    public Task RunOnceInBackground(IScheduledJob job)
    {
        var task = new Task(() => job.ExecuteAsync(CancellationToken.None).Wait()); // want ASY015 ASY001
        return task;
    }

    public Task RunOnceDeferred(IScheduledJob job)
    {
        var task = new Task<Task>(() => job.ExecuteAsync(_stop.Token));
        task.Start(TaskScheduler.Default);
        return task.Unwrap();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
