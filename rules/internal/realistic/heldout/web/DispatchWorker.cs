using System.Threading.Channels;
using System.Timers;
using Freightly.Api.Hubs;
using Freightly.Domain;
using Freightly.Infrastructure.Manifests;
using Freightly.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Freightly.Infrastructure.Workers;

public sealed class DispatchOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int QueueCapacity { get; set; } = 500;
    public int MaxRetries { get; set; } = 4;
    public string DropFolder { get; set; } = "/var/freightly/manifests/inbox";
    public string[] WarmUpCarriers { get; set; } = Array.Empty<string>();
}

public sealed record DispatchConfirmation(string CarrierCode, string CarrierReference, DateTimeOffset PickupAt);

public sealed class CarrierUnavailableException(string carrierCode, Exception? inner = null)
    : Exception($"Carrier {carrierCode} is not accepting dispatches", inner);

public interface ICarrierDispatchClient
{
    Task<DispatchConfirmation> DispatchAsync(Booking booking, CancellationToken ct = default);
    Task WarmUpAsync(string carrierCode, CancellationToken ct = default);
}

public interface IWorkerHeartbeatStore
{
    Task BeatAsync(string worker, DateTime at, int backlog, CancellationToken ct = default);
    Task FlushStatsAsync(string worker, long dispatched, long failed, CancellationToken ct = default);
}

public sealed class DispatchWorker : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<DispatchWorker> _logger;
    private readonly DispatchOptions _options;
    private readonly Channel<Guid> _queue;
    private readonly FileSystemWatcher _watcher;
    private readonly System.Timers.Timer _heartbeat;
    private readonly System.Threading.Timer _statsTimer;
    private Task? _warmup;
    private long _dispatched;
    private long _failed;

    public DispatchWorker(IServiceScopeFactory scopes, IOptions<DispatchOptions> options, ILogger<DispatchWorker> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _options = options.Value;
        _queue = Channel.CreateBounded<Guid>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

        _watcher = new FileSystemWatcher(_options.DropFolder, "*.json") { EnableRaisingEvents = false };
        _watcher.Created += OnManifestDropped;

        _heartbeat = new System.Timers.Timer(TimeSpan.FromSeconds(30).TotalMilliseconds) { AutoReset = true };
        _heartbeat.Elapsed += OnHeartbeat;

        _statsTimer = new System.Threading.Timer(async _ => await FlushStatsAsync(), null, Timeout.Infinite, Timeout.Infinite); // want ASY003
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Dispatch worker starting; polling every {Interval}", _options.PollInterval);
        _warmup = Task.Factory.StartNew(async () => // want ASY016
        {
            foreach (var carrier in _options.WarmUpCarriers)
            {
                using var scope = _scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ICarrierDispatchClient>().WarmUpAsync(carrier, cancellationToken);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _watcher.EnableRaisingEvents = true;
        _heartbeat.Start();
        _statsTimer.Change(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        var consumer = Task.Run(() => ConsumeQueueAsync(stoppingToken), stoppingToken); // want ASY008

        using var timer = new PeriodicTimer(_options.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EnqueueDueBookingsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Dispatch poll failed; will retry on next tick");
            }
        }

        await consumer;
    }

    public void RequestImmediateDispatch(Guid bookingId)
    {
        if (_queue.Writer.TryWrite(bookingId))
            return;

        // Queue is full: don't block the API request, hand off and log if the worker is shutting down.
        _ = Task.Run(async () =>
        {
            try
            {
                await _queue.Writer.WriteAsync(bookingId);
            }
            catch (ChannelClosedException ex)
            {
                _logger.LogWarning(ex, "Dispatch queue closed; booking {BookingId} was not queued", bookingId);
            }
        });
    }

    private async Task EnqueueDueBookingsAsync(CancellationToken ct)
    {
        using var scope = _scopes.CreateScope();
        var bookings = scope.ServiceProvider.GetRequiredService<IBookingRepository>();

        var now = DateTimeOffset.UtcNow;
        var due = await bookings.GetDueForPickupAsync(now, now.AddHours(2), ct);
        foreach (var booking in due)
        {
            if (!_queue.Writer.TryWrite(booking.Id))
                await _queue.Writer.WriteAsync(booking.Id, ct);
        }
    }

    private async Task ConsumeQueueAsync(CancellationToken ct)
    {
        await foreach (var bookingId in _queue.Reader.ReadAllAsync(ct))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await DispatchAsync(bookingId, ct);
                    Interlocked.Increment(ref _dispatched);
                    break;
                }
                catch (CarrierUnavailableException ex) when (attempt < _options.MaxRetries)
                {
                    _logger.LogWarning(ex, "Dispatch of {BookingId} failed (attempt {Attempt}); backing off", bookingId, attempt);
                    Thread.Sleep(TimeSpan.FromSeconds(attempt * 2)); // want ASY005
                }
                catch (CarrierUnavailableException ex)
                {
                    Interlocked.Increment(ref _failed);
                    _logger.LogError(ex, "Giving up on dispatch of {BookingId}", bookingId);
                    break;
                }
            }
        }
    }

    private async Task DispatchAsync(Guid bookingId, CancellationToken ct)
    {
        using var scope = _scopes.CreateScope();
        var bookings = scope.ServiceProvider.GetRequiredService<IBookingRepository>();
        var carriers = scope.ServiceProvider.GetRequiredService<ICarrierDispatchClient>();
        var hub = scope.ServiceProvider.GetRequiredService<IHubContext<ShipmentHub, IShipmentClient>>();

        var booking = await bookings.FindAsync(bookingId, ct);
        if (booking is null || booking.Status != BookingStatus.Confirmed)
            return;

        var confirmation = await carriers.DispatchAsync(booking, ct);
        booking.CarrierCode = confirmation.CarrierCode;
        booking.Events.Add(new TrackingEvent
        {
            BookingId = booking.Id,
            Code = "DISPATCHED",
            Location = booking.OriginCode,
            OccurredAt = DateTimeOffset.UtcNow,
            Notes = confirmation.CarrierReference,
        });
        await bookings.SaveAsync(ct);
        await hub.Clients.Group(ShipmentHub.GroupFor(booking.Reference)).BookingStatusChanged(booking.Id, booking.Status);
    }

    private async void OnManifestDropped(object sender, FileSystemEventArgs e)
    {
        try
        {
            // Give the SFTP writer a moment to close the file.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            using var scope = _scopes.CreateScope();
            var importer = scope.ServiceProvider.GetRequiredService<IManifestImporter>();
            await importer.ImportAsync(e.FullPath, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Failed to import manifest {Path}", e.FullPath);
        }
    }

    private async void OnHeartbeat(object? sender, ElapsedEventArgs e) // want ASY018
    {
        using var scope = _scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IWorkerHeartbeatStore>();
        await store.BeatAsync(nameof(DispatchWorker), e.SignalTime, _queue.Reader.Count);
    }

    private async Task FlushStatsAsync()
    {
        using var scope = _scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IWorkerHeartbeatStore>();
        await store.FlushStatsAsync(nameof(DispatchWorker), Interlocked.Read(ref _dispatched), Interlocked.Read(ref _failed));
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher.EnableRaisingEvents = false;
        _heartbeat.Stop();
        _statsTimer.Change(Timeout.Infinite, Timeout.Infinite);
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watcher.Dispose();
        _heartbeat.Dispose();
        _statsTimer.Dispose();
        base.Dispose();
    }
}
