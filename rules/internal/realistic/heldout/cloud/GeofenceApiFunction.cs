using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Fleetwise.Lambda;

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed record Geofence(string Id, Guid FleetId, string Name, List<GeoPoint> Vertices);

public sealed record DevicePosition(string DeviceId, double Latitude, double Longitude, DateTimeOffset RecordedAt);

public sealed record EvaluateRequest(string FenceId, List<string> DeviceIds);

public sealed class GeofenceEvaluator
{
    public void WarmUp(int resolution) => _ = Enumerable.Range(0, resolution).Select(i => Math.Sin(i)).Sum();

    // Ray casting; fences are small enough that planar maths is fine.
    public bool Contains(Geofence fence, DevicePosition p)
    {
        var inside = false;
        var v = fence.Vertices;
        for (int i = 0, j = v.Count - 1; i < v.Count; j = i++)
        {
            if ((v[i].Latitude > p.Latitude) != (v[j].Latitude > p.Latitude)
                && p.Longitude < (v[j].Longitude - v[i].Longitude) * (p.Latitude - v[i].Latitude) / (v[j].Latitude - v[i].Latitude) + v[i].Longitude)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}

// API Gateway (HTTP API) handlers for geofence management and evaluation.
public sealed class GeofenceApiFunction
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly IAmazonDynamoDB _dynamo;
    private readonly GeofenceEvaluator _evaluator = new();
    private readonly string _fenceTable = Environment.GetEnvironmentVariable("FENCE_TABLE") ?? "fleetwise-geofences";
    private readonly string _positionTable = Environment.GetEnvironmentVariable("POSITION_TABLE") ?? "fleetwise-positions";
    private readonly Task _warmup;

    public GeofenceApiFunction() : this(new AmazonDynamoDBClient()) { }

    public GeofenceApiFunction(IAmazonDynamoDB dynamo)
    {
        _dynamo = dynamo;
        // Build the trig lookup tables off the request path during the cold start.
        _warmup = new Task(() => _evaluator.WarmUp(resolution: 4096)); // want ASY015
    }

    public async Task<APIGatewayHttpApiV2ProxyResponse> EvaluateHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        var body = JsonSerializer.Deserialize<EvaluateRequest>(request.Body ?? "{}", JsonOptions);
        if (body?.DeviceIds is not { Count: > 0 }) return Respond(HttpStatusCode.BadRequest, new { error = "deviceIds required" });

        await _warmup;
        var fence = await LoadFenceAsync(body.FenceId);
        if (fence is null) return Respond(HttpStatusCode.NotFound, new { error = $"fence {body.FenceId} not found" });

        var positions = new List<DevicePosition?>();
        foreach (var deviceId in body.DeviceIds)
        {
            positions.Add(await LoadPositionAsync(deviceId)); // want ASY010
        }

        var results = positions.OfType<DevicePosition>().Select(p => new { p.DeviceId, inside = _evaluator.Contains(fence, p) }).ToList();
        return Respond(HttpStatusCode.OK, results);
    }

    public async Task<APIGatewayHttpApiV2ProxyResponse> UpsertFenceHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        var fence = JsonSerializer.Deserialize<Geofence>(request.Body ?? "{}", JsonOptions);
        if (fence is null || fence.Vertices.Count < 3) return Respond(HttpStatusCode.BadRequest, new { error = "a fence needs at least 3 vertices" });

        await _dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = _fenceTable,
            Item = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = fence.Id },
                ["fleetId"] = new() { S = fence.FleetId.ToString() },
                ["body"] = new() { S = JsonSerializer.Serialize(fence, JsonOptions) },
            },
        });

        var deviceIds = await QueryFleetDevicesAsync(fence.FleetId);
        var inside = new ConcurrentBag<string>();
        Parallel.ForEach(deviceIds, async deviceId => // want ASY003
        {
            var position = await LoadPositionAsync(deviceId);
            if (position is not null && _evaluator.Contains(fence, position)) inside.Add(deviceId);
        });

        context.Logger.LogInformation($"Fence {fence.Id} stored; {inside.Count} of {deviceIds.Count} devices inside");
        return Respond(HttpStatusCode.OK, new { fence.Id, inside = inside.Count });
    }

    public async Task<APIGatewayHttpApiV2ProxyResponse> HealthHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) // want ASY007
    {
        context.Logger.LogInformation($"health probe from {request.RequestContext?.Http?.SourceIp}");
        return Respond(HttpStatusCode.OK, new { status = "ok", region = Environment.GetEnvironmentVariable("AWS_REGION") });
    }

    private async Task<Geofence?> LoadFenceAsync(string fenceId)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest { TableName = _fenceTable, Key = new() { ["id"] = new() { S = fenceId } } });
        return response.IsItemSet ? JsonSerializer.Deserialize<Geofence>(response.Item["body"].S, JsonOptions) : null;
    }

    private async Task<DevicePosition?> LoadPositionAsync(string deviceId)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest { TableName = _positionTable, Key = new() { ["deviceId"] = new() { S = deviceId } } });
        if (!response.IsItemSet) return null;
        var item = response.Item;
        return new DevicePosition(
            deviceId,
            double.Parse(item["lat"].N, CultureInfo.InvariantCulture),
            double.Parse(item["lon"].N, CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(item["ts"].N, CultureInfo.InvariantCulture)));
    }

    private async Task<List<string>> QueryFleetDevicesAsync(Guid fleetId)
    {
        var devices = new List<string>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await _dynamo.QueryAsync(new QueryRequest
            {
                TableName = _positionTable,
                IndexName = "byFleet",
                KeyConditionExpression = "fleetId = :f",
                ExpressionAttributeValues = new() { [":f"] = new() { S = fleetId.ToString() } },
                ExclusiveStartKey = startKey,
            });
            devices.AddRange(page.Items.Select(i => i["deviceId"].S));
            startKey = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (startKey is not null);

        return devices;
    }

    private static APIGatewayHttpApiV2ProxyResponse Respond(HttpStatusCode status, object body) => new()
    {
        StatusCode = (int)status,
        Body = JsonSerializer.Serialize(body, JsonOptions),
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
    };
}
