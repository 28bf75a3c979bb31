using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.SQSEvents;
using Amazon.Lambda.TestUtilities;
using Amazon.SimpleNotificationService;
using Amazon.SimpleNotificationService.Model;
using Azure.Messaging.ServiceBus;
using Fleetwise.Api;
using Fleetwise.Data;
using Fleetwise.Lambda;
using Fleetwise.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using NUnit.Framework;

namespace Fleetwise.Tests;

internal sealed class FakeServiceBusSender : ServiceBusSender
{
    private readonly ConcurrentQueue<ServiceBusMessage> _sent = new();
    private readonly ConcurrentDictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _batches = new();

    public IReadOnlyList<ServiceBusMessage> Sent => _sent.ToArray();

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        var store = new List<ServiceBusMessage>();
        var batch = ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, store);
        _batches[batch] = store;
        return new ValueTask<ServiceBusMessageBatch>(batch);
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        _batches.TryRemove(messageBatch, out var store);
        store?.ForEach(_sent.Enqueue);
        return Task.CompletedTask;
    }

    public override Task CloseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task WaitForMessagesAsync(int expected, CancellationToken cancellationToken)
    {
        while (_sent.Count < expected)
        {
            await Task.Delay(20, cancellationToken);
        }

        TestContext.Progress.WriteLine($"fake sender observed {_sent.Count} messages");
    }
}

[TestFixture]
public sealed class OutboxDispatcherTests
{
    private SqliteConnection _connection = null!;
    private ServiceProvider _services = null!;
    private FakeServiceBusSender _sender = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _connection = new SqliteConnection("DataSource=:memory:");
        await _connection.OpenAsync();
        _services = new ServiceCollection()
            .AddDbContext<FleetDbContext>(o => o.UseSqlite(_connection))
            .BuildServiceProvider();

        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FleetDbContext>().Database.EnsureCreatedAsync();
        _sender = new FakeServiceBusSender();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Test]
    public async Task DispatchesPendingMessagesInIdOrder()
    {
        await SeedAsync(count: 3);
        var dispatcher = CreateDispatcher();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await dispatcher.StartAsync(cts.Token);
        await _sender.WaitForMessagesAsync(3, cts.Token);
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(_sender.Sent.Select(m => m.MessageId), Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public void PurgeRejectsNegativeRetention()
    {
        var dispatcher = CreateDispatcher();
        Assert.Throws<ArgumentOutOfRangeException>(() => dispatcher.PurgeDispatchedAsync(TimeSpan.FromDays(-1))); // want ASY033
    }

    [Test]
    public void SeedHelperCreatesPendingRows()
    {
        SeedAsync(count: 2).Wait(); // want ASY001
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
        Assert.That(db.Outbox.Count(m => m.DispatchedUtc == null), Is.EqualTo(2));
    }

    private OutboxDispatcher CreateDispatcher() => new(
        _services.GetRequiredService<IServiceScopeFactory>(),
        _sender,
        Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMilliseconds(50), BatchSize = 10 }),
        NullLogger<OutboxDispatcher>.Instance);

    private async Task SeedAsync(int count)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Type = "device.registered",
                Payload = "{}",
                OccurredUtc = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }
}

[TestFixture]
public sealed class AlertNotificationFunctionTests
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:000000000000:fleet-alerts";
    private static readonly Guid FleetId = Guid.Parse("6f1c1f40-8d8e-4a4e-9f3c-0b7f1f0e2a11");
    private Mock<IAmazonSimpleNotificationService> _sns = null!;
    private string _routingPath = null!;

    [OneTimeSetUp]
    public async Task WriteRoutingTableAsync() // want ASY009
    {
        _routingPath = Path.Combine(Path.GetTempPath(), $"routing-{Guid.NewGuid():N}.json");
        var routes = new[] { new AlertRoute(FleetId, AlertSeverity.Warning, NotifySms: true, WebhookUrl: null) };
        await File.WriteAllTextAsync(_routingPath, JsonSerializer.Serialize(routes, AlertNotificationFunction.JsonOptions));
    }

    [OneTimeTearDown]
    public void DeleteRoutingTable() => File.Delete(_routingPath);

    [SetUp]
    public void SetUp()
    {
        _sns = new Mock<IAmazonSimpleNotificationService>();
        _sns.Setup(s => s.PublishAsync(It.IsAny<PublishRequest>(), It.IsAny<CancellationToken>()))
            .Returns(Task.FromResult(new PublishResponse { HttpStatusCode = HttpStatusCode.OK, MessageId = "m-1" }));
    }

    [Test]
    public async Task MalformedRecordsAreReportedAsBatchItemFailures()
    {
        var function = await CreateFunctionAsync();

        var response = await function.FunctionHandler(Event(("1", AlertJson(AlertSeverity.Critical)), ("2", "{not json")), Context());

        Assert.That(response.BatchItemFailures.Select(f => f.ItemIdentifier), Is.EquivalentTo(new[] { "2" }));
        _sns.Verify(s => s.PublishAsync(It.IsAny<PublishRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ConcurrentInvocationsDoNotShareFailures()
    {
        var function = await CreateFunctionAsync();
        var good = function.FunctionHandler(Event(("a", AlertJson(AlertSeverity.Warning))), Context());
        var bad = function.FunctionHandler(Event(("b", "garbage")), Context());

        await Task.WhenAll(good, bad);

        Assert.That(good.Result.BatchItemFailures, Is.Empty);
        Assert.That(bad.Result.BatchItemFailures, Has.Count.EqualTo(1));
    }

    [Test]
    public void HandlerFinishesWellWithinTheLambdaTimeout()
    {
        var function = new AlertNotificationFunction(_sns.Object, new AlertRoutingTable(Array.Empty<AlertRoute>()), TopicArn);
        var task = function.FunctionHandler(Event(("1", AlertJson(AlertSeverity.Critical))), Context());

        Assert.That(task.Wait(TimeSpan.FromSeconds(5)), Is.True, "handler hung"); // want ASY001
        if (task.IsCompletedSuccessfully)
        {
            Assert.That(task.Result.BatchItemFailures, Is.Empty);
        }
    }

    [Test]
    public void RoutingTableLoadsConcurrently()
    {
        var loads = Enumerable.Range(0, 4).Select(_ => AlertRoutingTable.LoadAsync(_routingPath)).ToArray();
        Task.WaitAll(loads); // want ASY001
        Assert.That(loads.All(t => t.IsCompletedSuccessfully), Is.True);
    }

    private async Task<AlertNotificationFunction> CreateFunctionAsync()
    {
        var routing = await AlertRoutingTable.LoadAsync(_routingPath);
        return new AlertNotificationFunction(_sns.Object, routing, TopicArn);
    }

    private static string AlertJson(AlertSeverity severity) => JsonSerializer.Serialize(
        new FleetAlert(FleetId, Guid.NewGuid(), "cargo.temperature", severity, "Reefer at 11.2C", DateTimeOffset.UtcNow),
        AlertNotificationFunction.JsonOptions);

    private static SQSEvent Event(params (string Id, string Body)[] messages) => new()
    {
        Records = messages.Select(m => new SQSEvent.SQSMessage { MessageId = m.Id, Body = m.Body }).ToList(),
    };

    private static TestLambdaContext Context() => new() { RemainingTime = TimeSpan.FromSeconds(30) };
}

[TestFixture]
public sealed class MileageReportCacheTests
{
    [Test]
    public async void MissingReportYieldsNull() // want ASY002
    {
        var cache = new MileageReportCache(new MemoryCache(new MemoryCacheOptions()));
        var report = await cache.TryGetAsync(Guid.NewGuid(), new DateOnly(2024, 3, 1));
        Assert.That(report, Is.Null);
    }
}
