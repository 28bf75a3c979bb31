using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Fleetwise.Caching;
using Fleetwise.Data;
using Fleetwise.Grpc.Protos; // generated from Protos/device_telemetry.proto
using Fleetwise.Storage;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Fleetwise.Grpc;

public interface IDeviceCommandQueue
{
    IAsyncEnumerable<CommandEnvelope> DequeueAsync(Guid deviceId, CancellationToken cancellationToken);

    Task CompleteAsync(Guid deviceId, CommandAck ack, CancellationToken cancellationToken);
}

public sealed class DeviceTelemetryService : DeviceTelemetry.DeviceTelemetryBase
{
    private const int UploadFlushSize = 256;
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(20);

    private readonly IDeviceRepository _devices;
    private readonly ILastKnownPositionCache _positions;
    private readonly IPositionFeed _feed;
    private readonly ITelemetryArchiveStore _archive;
    private readonly IDeviceCommandQueue _commands;
    private readonly ILogger<DeviceTelemetryService> _logger;

    public DeviceTelemetryService(
        IDeviceRepository devices,
        ILastKnownPositionCache positions,
        IPositionFeed feed,
        ITelemetryArchiveStore archive,
        IDeviceCommandQueue commands,
        ILogger<DeviceTelemetryService> logger)
    {
        _devices = devices;
        _positions = positions;
        _feed = feed;
        _archive = archive;
        _commands = commands;
        _logger = logger;
    }

    public override async Task<DeviceReply> GetDevice(GetDeviceRequest request, ServerCallContext context)
    {
        var device = _devices.FindBySerial(request.SerialNumber); // want ASY006
        if (device is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown device {request.SerialNumber}"));
        }

        var position = await _positions.GetAsync(device.Id.ToString(), context.CancellationToken);
        return ToReply(device, position);
    }

    public override async Task<DeviceReply> RenameDevice(RenameDeviceRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 80)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "display_name must be 1-80 characters"));
        }

        var device = await RequireDeviceAsync(context.CancellationToken, request.SerialNumber);
        await _devices.RenameAsync(device.Id, request.DisplayName, context.CancellationToken);
        device.DisplayName = request.DisplayName.Trim();

        _logger.LogInformation("Device {Serial} renamed to {Name} by {Peer}", device.SerialNumber, device.DisplayName, context.Peer);
        var position = await _positions.GetAsync(device.Id.ToString(), context.CancellationToken);
        return ToReply(device, position);
    }

    public override async Task SubscribePositions(
        PositionSubscription request,
        IServerStreamWriter<PositionUpdate> responseStream,
        ServerCallContext context)
    {
        if (!Guid.TryParse(request.FleetId, out var fleetId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "fleet_id must be a GUID"));
        }

        _logger.LogInformation("Position stream opened for fleet {FleetId} by {Peer}", fleetId, context.Peer);
        await foreach (var change in _feed.SubscribeAsync(fleetId, context.CancellationToken))
        {
            await responseStream.WriteAsync(
                new PositionUpdate
                {
                    DeviceId = change.DeviceId,
                    Latitude = change.Position.Latitude,
                    Longitude = change.Position.Longitude,
                    RecordedAt = Timestamp.FromDateTimeOffset(change.Position.RecordedAt),
                },
                context.CancellationToken);
        }
    }

    public override async Task<UploadSummary> UploadReadings(IAsyncStreamReader<ReadingUpload> requestStream, ServerCallContext context)
    {
        var buffer = new List<TelemetryReading>(UploadFlushSize);
        var accepted = 0;
        var rejected = 0;
        Guid? deviceId = null;

        await foreach (var upload in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (!Guid.TryParse(upload.DeviceId, out var id) || (deviceId is not null && deviceId != id))
            {
                rejected++; // one stream carries exactly one device
                continue;
            }

            deviceId = id;
            buffer.Add(new TelemetryReading(
                id,
                upload.RecordedAt.ToDateTimeOffset(),
                upload.Latitude,
                upload.Longitude,
                upload.SpeedKph,
                upload.OdometerKm,
                upload.HasCargoTempC ? upload.CargoTempC : null));
            accepted++;

            if (buffer.Count == UploadFlushSize)
            {
                await _archive.AppendAsync(id, buffer.ToArray(), context.CancellationToken);
                buffer.Clear();
            }
        }

        if (deviceId is { } device && buffer.Count > 0)
        {
            await _archive.AppendAsync(device, buffer.ToArray(), context.CancellationToken);
        }

        return new UploadSummary { Accepted = accepted, Rejected = rejected };
    }

    public override async Task ExchangeCommands(
        IAsyncStreamReader<CommandAck> requestStream,
        IServerStreamWriter<CommandEnvelope> responseStream,
        ServerCallContext context)
    {
        if (!Guid.TryParse(context.RequestHeaders.GetValue("x-device-id"), out var deviceId))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "x-device-id header missing or malformed"));
        }

        var cancellationToken = context.CancellationToken;
        var pendingAcks = new ConcurrentDictionary<string, TaskCompletionSource<CommandAck>>(StringComparer.Ordinal);

        var ackPump = Task.Run(
            async () =>
            {
                await foreach (var ack in requestStream.ReadAllAsync(cancellationToken))
                {
                    if (pendingAcks.TryRemove(ack.CommandId, out var waiter))
                    {
                        waiter.TrySetResult(ack);
                    }
                    else
                    {
                        _logger.LogDebug("Late ack {CommandId} from device {DeviceId}", ack.CommandId, deviceId);
                    }
                }
            },
            cancellationToken);

        await foreach (var command in _commands.DequeueAsync(deviceId, cancellationToken))
        {
            var waiter = new TaskCompletionSource<CommandAck>(); // want ASY022
            pendingAcks[command.CommandId] = waiter;
            await responseStream.WriteAsync(command, cancellationToken);

            var finished = await Task.WhenAny(waiter.Task, Task.Delay(AckTimeout, cancellationToken));
            if (finished != waiter.Task)
            {
                pendingAcks.TryRemove(command.CommandId, out _);
                _logger.LogWarning("Device {DeviceId} did not ack {CommandId} within {Timeout}", deviceId, command.CommandId, AckTimeout);
                continue;
            }

            var ack = await waiter.Task;
            await _commands.CompleteAsync(deviceId, ack, cancellationToken);
        }

        await ackPump;
    }

    private async Task<Device> RequireDeviceAsync(CancellationToken cancellationToken, string serialNumber) // want ASY028
    {
        var device = await _devices.FindBySerialAsync(serialNumber, cancellationToken);
        return device ?? throw new RpcException(new Status(StatusCode.NotFound, $"Unknown device {serialNumber}"));
    }

    private static DeviceReply ToReply(Device device, Position? position)
    {
        var reply = new DeviceReply
        {
            Id = device.Id.ToString(),
            SerialNumber = device.SerialNumber,
            DisplayName = device.DisplayName,
            Status = device.Status.ToString(),
            FirmwareVersion = device.FirmwareVersion,
        };

        if (position is not null)
        {
            reply.Latitude = position.Latitude;
            reply.Longitude = position.Longitude;
            reply.LastSeen = Timestamp.FromDateTimeOffset(position.RecordedAt);
        }

        return reply;
    }
}
