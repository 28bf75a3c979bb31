using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Sluice.Ingest.Pipeline;
using Sluice.Ingest.Readers;
using Sluice.Resilience;

namespace Sluice.Tests;

[TestClass]
public sealed class PipelineTests
{
    private const string TwoGoodOneBad =
        "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"level\":\"info\",\"source\":\"api\",\"message\":\"a\"}\n" +
        "not json at all\n" +
        "\n" +
        "{\"timestamp\":\"2024-05-01T00:00:01Z\",\"level\":\"warn\",\"source\":\"api\",\"message\":\"b\"}\n";

    private string _tempDir = null!;

    [TestInitialize]
    public void Setup()
    {
        _tempDir = Path.Combine(Path.GetTempPath(), "sluice-pipeline-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tempDir);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_tempDir, recursive: true);

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static LogRecord Record(string message) =>
        new(DateTimeOffset.Parse("2024-05-01T00:00:00Z"), "INFO", "test", message);

    [TestMethod]
    public async Task JsonLinesReader_SkipsMalformedLines()
    {
        var reader = new JsonLinesReader(new ReaderOptions(), NullLogger<JsonLinesReader>.Instance);

        var records = new List<LogRecord>();
        await foreach (var record in reader.ReadAsync(Utf8(TwoGoodOneBad)))
            records.Add(record);

        Assert.AreEqual(2, records.Count);
        Assert.AreEqual("INFO", records[0].Level);
        Assert.AreEqual(1, reader.MalformedCount);
    }

    [TestMethod]
    public void CsvReader_RejectsHeaderWithoutMessageColumn()
    {
        var csv = new CsvRecordReader(new CsvSchema());

        Assert.ThrowsExactly<InvalidDataException>(() => csv.Read(new StringReader("timestamp,level\n")).ToList());
    }

    [TestMethod]
    public async Task CsvReader_ReadsQuotedMultilineMessage()
    {
        var csv = new CsvRecordReader(new CsvSchema());
        var input = Utf8("timestamp,level,source,message\n2024-05-01T00:00:00Z,error,fw,\"line one\nline \"\"two\"\"\"\n");

        var records = new List<LogRecord>();
        await foreach (var record in csv.ReadAsync(input))
            records.Add(record);

        Assert.AreEqual(1, records.Count);
        Assert.AreEqual("line one\nline \"two\"", records[0].Message);
        Assert.AreEqual("ERROR", records[0].Level);
    }

    [TestMethod]
    public async Task Retry_TryExecute_ReportsExhaustion()
    {
        var policy = new RetryPolicy(new RetryOptions(MaxAttempts: 2, BaseDelay: TimeSpan.FromMilliseconds(1)));

        var outcome = await policy.TryExecuteAsync<int>(async _ => throw new TimeoutException()); // want ASY007

        Assert.IsFalse(outcome.Succeeded);
        Assert.AreEqual(0, outcome.Result);
        Assert.AreEqual(2, outcome.Attempts);
        Assert.IsInstanceOfType(outcome.LastError, typeof(TimeoutException));
    }

    [TestMethod]
    public async Task CircuitBreaker_OpensAfterThreshold_ThenRecoversThroughHalfOpen()
    {
        var now = DateTimeOffset.Parse("2024-05-01T00:00:00Z");
        var breaker = new CircuitBreaker(
            new CircuitBreakerOptions("store", FailureThreshold: 2, BreakDuration: TimeSpan.FromSeconds(10)),
            _ => true,
            () => now);

        for (var i = 0; i < 2; i++)
            await Assert.ThrowsExactlyAsync<IOException>(() => breaker.ExecuteAsync(_ => Task.FromException<int>(new IOException())));
        Assert.AreEqual(CircuitState.Open, breaker.State);

        var broken = await Assert.ThrowsExactlyAsync<CircuitBrokenException>(() => breaker.ExecuteAsync(_ => Task.FromResult(1)));
        Assert.IsTrue(broken.RetryAfter > TimeSpan.Zero);

        now = now.AddSeconds(11);
        Assert.AreEqual(CircuitState.HalfOpen, breaker.State);
        Assert.AreEqual(1, await breaker.ExecuteAsync(_ => Task.FromResult(1)));
        Assert.AreEqual(CircuitState.Closed, breaker.State);
    }

    [TestMethod]
    public async Task TokenBucket_QueuedWaiterCompletesAfterRefill()
    {
        using var limiter = new TokenBucketLimiter(new TokenBucketOptions(TokensPerSecond: 50, BurstSize: 1, RefillPeriod: TimeSpan.FromMilliseconds(5)));
        Assert.IsTrue(limiter.TryAcquire());

        var pending = limiter.AcquireAsync().AsTask();
        await pending.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.IsTrue(limiter.AvailableTokens < 1);
    }

    [TestMethod]
    public async Task BatchingSink_ShipsFullBatchImmediately_AndRemainderOnDispose()
    {
        var shipper = new RecordingShipper();
        var options = new BatchingOptions(MaxRecords: 3, MaxAge: TimeSpan.FromHours(1), SpillDirectory: _tempDir);
        await using (var sink = new BatchingSink(shipper, new JsonLinesReader(new ReaderOptions(), NullLogger<JsonLinesReader>.Instance), options, NullLogger<BatchingSink>.Instance))
        {
            foreach (var message in new[] { "a", "b", "c", "d" })
                await sink.WriteAsync(Record(message));

            Assert.AreEqual(1, shipper.Batches.Count);
            Assert.AreEqual(3, shipper.Batches[0].Records.Count);
        }
        Assert.AreEqual(2, shipper.Batches.Count);
    }

    [TestMethod]
    public async Task BatchingSink_FlushesWhenMaxAgeElapses()
    {
        var shipper = new RecordingShipper();
        var options = new BatchingOptions(MaxRecords: 1000, MaxAge: TimeSpan.FromMilliseconds(20), SpillDirectory: _tempDir);
        await using var sink = new BatchingSink(shipper, new JsonLinesReader(new ReaderOptions(), NullLogger<JsonLinesReader>.Instance), options, NullLogger<BatchingSink>.Instance);

        await sink.WriteAsync(Record("only"));
        Thread.Sleep(250); // want ASY005

        Assert.AreEqual(1, shipper.Batches.Count);
    }

    [TestMethod]
    public async Task IngestPipeline_ParsesEnrichesAndDrains()
    {
        var sink = new CollectingSink();
        await using var pipeline = new IngestPipeline(new JsonLineParser(), new TagEnricher("dc", "eu-1"), sink,
            new PipelineOptions(Capacity: 16, ParserWorkers: 2, EnricherWorkers: 1), NullLogger<IngestPipeline>.Instance);
        pipeline.Start();

        for (var i = 0; i < 50; i++)
        {
            var json = $"{{\"timestamp\":\"2024-05-01T00:00:{i % 60:00}Z\",\"level\":\"warn\",\"source\":\"api\",\"message\":\"m{i}\"}}";
            await pipeline.Input.WriteAsync(new RawLine("agent-1", "json", json, DateTimeOffset.UtcNow));
        }
        await pipeline.CompleteAsync();

        Assert.AreEqual(50, sink.Records.Count);
        Assert.IsTrue(sink.Records.All(r => r.Fields is not null && r.Fields["dc"] == "eu-1"));
    }

    [TestMethod]
    public async Task Stage_Transform_DeliversEveryItemOnce()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var source = Channel.CreateUnbounded<int>();
        var doubled = Stage.Transform<int, int>(source.Reader, (x, _) => new ValueTask<int>(x * 2), workers: 3, capacity: 8, cts.Token);
        for (var i = 1; i <= 100; i++)
            source.Writer.TryWrite(i);
        source.Writer.Complete();

        var results = new List<int>();
        await foreach (var x in doubled.ReadAllAsync(cts.Token))
            results.Add(x);

        Assert.AreEqual(100, results.Count);
        Assert.AreEqual(10100, results.Sum());
    }

    private sealed class RecordingShipper : IBatchShipper
    {
        public List<LogBatch> Batches { get; } = new();

        public Task<string> ShipAsync(LogBatch batch, CancellationToken cancellationToken = default)
        {
            lock (Batches)
                Batches.Add(batch);
            return Task.FromResult($"batches/{batch.Id:N}.ndjson");
        }
    }

    private sealed class JsonLineParser : ILineParser
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public bool TryParse(in RawLine line, out LogRecord record)
        {
            record = JsonSerializer.Deserialize<LogRecord>(line.Text, Options)!;
            return record is not null;
        }
    }

    private sealed class TagEnricher : IRecordEnricher
    {
        private readonly string _key;
        private readonly string _value;

        public TagEnricher(string key, string value) => (_key, _value) = (key, value);

        public ValueTask<LogRecord> EnrichAsync(LogRecord record, CancellationToken cancellationToken = default)
        {
            var fields = new Dictionary<string, string>(record.Fields ?? new Dictionary<string, string>()) { [_key] = _value };
            return new ValueTask<LogRecord>(record with { Fields = fields });
        }
    }

    private sealed class CollectingSink : IRecordSink
    {
        public ConcurrentQueue<LogRecord> Records { get; } = new();

        public ValueTask WriteAsync(LogRecord record, CancellationToken cancellationToken = default)
        {
            Records.Enqueue(record);
            return ValueTask.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
