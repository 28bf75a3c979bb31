using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fleetwise.Firmware;

public sealed record FirmwareRelease(string Version, string BlobName, long SizeBytes, string Sha256, int MaxParallelDevices);

public sealed record FirmwareManifest(string Version, string MinHardwareRevision, IReadOnlyList<string> Channels);

public sealed record FirmwareAck(string CorrelationId, bool Success, string? Error);

public sealed record DeviceRolloutResult(Guid DeviceId, bool Succeeded, string? Reason)
{
    public static DeviceRolloutResult Ok(Guid deviceId) => new(deviceId, true, null);

    public static DeviceRolloutResult TimedOut(Guid deviceId) => new(deviceId, false, "timeout");

    public static DeviceRolloutResult Failed(Guid deviceId, string? error) => new(deviceId, false, error ?? "unknown");
}

public sealed record RolloutReport(string Version, int Succeeded, IReadOnlyList<DeviceRolloutResult> Failures);

public interface IFirmwareManifestCache
{
    ValueTask<FirmwareManifest?> GetAsync(string version, CancellationToken cancellationToken = default);
}

// Pushes firmware to devices over the device-commands queue (sessions keyed by device)
// and correlates the acknowledgements that come back on firmware-acks.
public sealed class FirmwareRolloutService : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(3);

    private readonly ServiceBusProcessor _ackProcessor;
    private readonly ServiceBusSender _commandSender;
    private readonly BlobContainerClient _firmwareContainer;
    private readonly IFirmwareManifestCache _manifests;
    private readonly ILogger<FirmwareRolloutService> _logger;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FirmwareAck>> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private Task? _watchdog;

    public FirmwareRolloutService(
        ServiceBusClient client,
        BlobServiceClient blobs,
        IFirmwareManifestCache manifests,
        ILogger<FirmwareRolloutService> logger)
    {
        _ackProcessor = client.CreateProcessor("firmware-acks", new ServiceBusProcessorOptions
        {
            MaxConcurrentCalls = 8,
            AutoCompleteMessages = false,
        });
        _commandSender = client.CreateSender("device-commands");
        _firmwareContainer = blobs.GetBlobContainerClient("firmware");
        _manifests = manifests;
        _logger = logger;

        _ackProcessor.ProcessMessageAsync += OnAckReceivedAsync;
        _ackProcessor.ProcessErrorAsync += OnProcessorErrorAsync;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _ackProcessor.StartProcessingAsync(cancellationToken);
        StartWatchdog();
    }

    public Task StopAsync(CancellationToken cancellationToken) => _ackProcessor.StopProcessingAsync(cancellationToken);

    public async Task PublishReleaseAsync(FirmwareRelease release, Stream image, CancellationToken cancellationToken)
    {
        ValueTask<FirmwareManifest?> manifestLookup = _manifests.GetAsync(release.Version, cancellationToken);
        if ((await manifestLookup) is null)
        {
            throw new InvalidOperationException($"No manifest registered for firmware {release.Version}");
        }

        var blob = _firmwareContainer.GetBlobClient(release.BlobName);
        await Task.Run(() => blob.UploadAsync(image, overwrite: true, cancellationToken), cancellationToken); // want ASY008

        var manifest = await manifestLookup; // want ASY019
        var announcement = new ServiceBusMessage(BinaryData.FromObjectAsJson(new { release.Version, manifest!.Channels, release.SizeBytes }))
        {
            Subject = "firmware.published",
            MessageId = $"firmware-published-{release.Version}",
        };
        await _commandSender.SendMessageAsync(announcement, cancellationToken);
        _logger.LogInformation("Firmware {Version} published to channels {Channels}", release.Version, string.Join(",", manifest.Channels));
    }

    public async Task<RolloutReport> RolloutAsync(FirmwareRelease release, IReadOnlyList<Guid> deviceIds, CancellationToken cancellationToken)
    {
        var blob = _firmwareContainer.GetBlobClient(release.BlobName);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.Value.ContentLength != release.SizeBytes)
        {
            throw new InvalidOperationException($"Firmware blob {release.BlobName} has unexpected size {properties.Value.ContentLength}");
        }

        var downloadUri = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(6));

        using var throttle = new SemaphoreSlim(release.MaxParallelDevices);
        var pushes = deviceIds.Select(async deviceId =>
        {
            await throttle.WaitAsync(cancellationToken);
            try
            {
                return await PushToDeviceAsync(deviceId, release, downloadUri, cancellationToken);
            }
            finally
            {
                throttle.Release();
            }
        }).ToList();

        var results = await Task.WhenAll(pushes);
        var failures = results.Where(r => !r.Succeeded).ToList();
        _logger.LogInformation("Rollout of {Version}: {Ok} ok, {Failed} failed", release.Version, results.Length - failures.Count, failures.Count);
        return new RolloutReport(release.Version, results.Length - failures.Count, failures);
    }

    private async Task<DeviceRolloutResult> PushToDeviceAsync(Guid deviceId, FirmwareRelease release, Uri downloadUri, CancellationToken cancellationToken)
    {
        var correlationId = $"{release.Version}:{deviceId:N}";
        var ackSource = new TaskCompletionSource<FirmwareAck>(TaskContinuationOptions.RunContinuationsAsynchronously); // want ASY022 ASY031
        _pending[correlationId] = ackSource;

        var command = new ServiceBusMessage(BinaryData.FromObjectAsJson(new { deviceId, release.Version, downloadUri, release.Sha256 }))
        {
            CorrelationId = correlationId,
            SessionId = deviceId.ToString("N"),
            Subject = "firmware.install",
            TimeToLive = AckTimeout,
        };
        await _commandSender.SendMessageAsync(command, cancellationToken);

        var timeout = Task.Delay(AckTimeout, cancellationToken);
        var winner = await Task.WhenAny(ackSource.Task, timeout);
        _pending.TryRemove(correlationId, out _);
        if (winner == timeout)
        {
            return DeviceRolloutResult.TimedOut(deviceId);
        }

        var ack = await ackSource.Task;
        return ack.Success ? DeviceRolloutResult.Ok(deviceId) : DeviceRolloutResult.Failed(deviceId, ack.Error);
    }

    private async Task OnAckReceivedAsync(ProcessMessageEventArgs args) // want ASY009
    {
        var ack = args.Message.Body.ToObjectFromJson<FirmwareAck>();
        if (!_pending.TryRemove(ack.CorrelationId, out var waiter) || !waiter.TrySetResult(ack))
        {
            _logger.LogDebug("Ack {CorrelationId} arrived after its rollout gave up", ack.CorrelationId);
        }

        await args.CompleteMessageAsync(args.Message, args.CancellationToken);
    }

    private Task OnProcessorErrorAsync(ProcessErrorEventArgs args)
    {
        _logger.LogError(args.Exception, "Ack processor error on {EntityPath} ({Source})", args.EntityPath, args.ErrorSource);
        return Task.CompletedTask;
    }

    private void StartWatchdog()
    {
        var token = _shutdown.Token;
        _watchdog = Task.Factory.StartNew(async () => // want ASY016
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), token);
                var settled = _pending.Where(p => p.Value.Task.IsCompleted).Select(p => p.Key).ToList();
                foreach (var key in settled)
                {
                    _pending.TryRemove(key, out _);
                }

                _logger.LogDebug("Firmware watchdog: {Pending} acknowledgements outstanding", _pending.Count);
            }
        }, TaskCreationOptions.LongRunning);
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        if (_watchdog is not null)
        {
            try
            {
                await Task.WhenAll(_watchdog); // want ASY030
            }
            catch (OperationCanceledException)
            {
                // expected on shutdown
            }
        }

        await _ackProcessor.DisposeAsync();
        await _commandSender.DisposeAsync();
        _shutdown.Dispose();
    }
}
