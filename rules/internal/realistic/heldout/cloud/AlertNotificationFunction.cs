using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Amazon.SimpleNotificationService;
using Amazon.SimpleNotificationService.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Fleetwise.Lambda;

public enum AlertSeverity { Info, Warning, Critical }

public sealed record FleetAlert(Guid FleetId, Guid DeviceId, string Kind, AlertSeverity Severity, string Message, DateTimeOffset RaisedAt);

public sealed record AlertRoute(Guid FleetId, AlertSeverity MinimumSeverity, bool NotifySms, Uri? WebhookUrl);

public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException(string message) : base(message) { }
}

public sealed class AlertRoutingTable
{
    private static readonly AlertRoute DefaultRoute = new(Guid.Empty, AlertSeverity.Critical, NotifySms: true, WebhookUrl: null);
    private readonly ILookup<Guid, AlertRoute> _routes;

    public AlertRoutingTable(IEnumerable<AlertRoute> routes) => _routes = routes.ToLookup(r => r.FleetId);

    public static async Task<AlertRoutingTable> LoadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var routes = await JsonSerializer.DeserializeAsync<List<AlertRoute>>(stream, AlertNotificationFunction.JsonOptions);
        return new AlertRoutingTable(routes ?? new List<AlertRoute>());
    }

    public AlertRoute? Resolve(Guid fleetId, AlertSeverity severity)
    {
        var candidates = _routes.Contains(fleetId) ? _routes[fleetId] : new[] { DefaultRoute };
        return candidates.Where(r => severity >= r.MinimumSeverity).OrderByDescending(r => r.MinimumSeverity).FirstOrDefault();
    }
}

// SQS -> SNS/webhook fan-out for fleet alerts. Partial batch responses are enabled on the event source mapping.
public sealed class AlertNotificationFunction
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly IAmazonSimpleNotificationService _sns;
    private readonly AlertRoutingTable _routing;
    private readonly string _topicArn;

    public AlertNotificationFunction()
    {
        _sns = new AmazonSimpleNotificationServiceClient();
        _topicArn = Environment.GetEnvironmentVariable("ALERT_TOPIC_ARN") ?? throw new InvalidOperationException("ALERT_TOPIC_ARN is not set");
        var routingPath = Environment.GetEnvironmentVariable("ROUTING_TABLE_PATH") ?? "/var/task/routing.json";
        _routing = AlertRoutingTable.LoadAsync(routingPath).GetAwaiter().GetResult(); // want ASY001
    }

    internal AlertNotificationFunction(IAmazonSimpleNotificationService sns, AlertRoutingTable routing, string topicArn)
    {
        _sns = sns;
        _routing = routing;
        _topicArn = topicArn;
    }

    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        using var cts = new CancellationTokenSource(context.RemainingTime - TimeSpan.FromSeconds(2));

        foreach (var record in sqsEvent.Records)
        {
            try
            {
                var alert = JsonSerializer.Deserialize<FleetAlert>(record.Body, JsonOptions) ?? throw new JsonException("Empty alert payload");
                await DispatchAsync(alert, context.Logger, cts.Token);
            }
            catch (Exception ex)
            {
                context.Logger.LogError($"Alert {record.MessageId} failed: {ex.GetType().Name}: {ex.Message}");
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = record.MessageId });
            }
        }

        return new SQSBatchResponse { BatchItemFailures = failures };
    }

    private async Task DispatchAsync(FleetAlert alert, ILambdaLogger logger, CancellationToken cancellationToken) // want ASY009
    {
        var route = _routing.Resolve(alert.FleetId, alert.Severity);
        var deliveries = new List<Task>();
        if (route?.NotifySms == true) deliveries.Add(PublishSmsAsync(alert, cancellationToken));
        if (route?.WebhookUrl is { } webhook) deliveries.Add(PostWebhookAsync(webhook, alert, cancellationToken));
        if (deliveries.Count == 0) logger.LogInformation($"No route for {alert.Kind} ({alert.Severity}) in fleet {alert.FleetId}");

        await Task.WhenAll(deliveries);
    }

    private async Task PublishSmsAsync(FleetAlert alert, CancellationToken cancellationToken)
    {
        var request = new PublishRequest
        {
            TopicArn = _topicArn,
            Subject = $"[{alert.Severity}] {alert.Kind}",
            Message = $"{alert.Message} (device {alert.DeviceId}, {alert.RaisedAt:u})",
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["fleetId"] = new() { DataType = "String", StringValue = alert.FleetId.ToString() },
            },
        };

        var response = await _sns.PublishAsync(request, cancellationToken);
        if (response.HttpStatusCode != HttpStatusCode.OK)
        {
            throw new AlertDeliveryException($"SNS returned {response.HttpStatusCode} for alert on {alert.DeviceId}");
        }
    }

    private static async Task PostWebhookAsync(Uri webhook, FleetAlert alert, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await Http.PostAsJsonAsync(webhook, alert, JsonOptions, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (attempt == 3 || (int)response.StatusCode < 500)
            {
                throw new AlertDeliveryException($"Webhook {webhook.Host} answered {(int)response.StatusCode}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)); // want ASY012
        }
    }
}
