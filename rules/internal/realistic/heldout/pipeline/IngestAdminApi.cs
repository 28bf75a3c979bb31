using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sluice.Compaction;
using Sluice.Ingest.Pipeline;
using Sluice.Ingest.Readers;
using Sluice.Resilience;
using Sluice.Storage;

namespace Sluice.Host;

public sealed record ReplayResult(string Key, long Records, long Rejected);

public sealed record IngestStatus(long Rejected, long BackpressureWaits, CompactionRunSummary? LastCompaction, IReadOnlyDictionary<string, string> Circuits);

/// <summary>Operator endpoints: status, on-demand compaction, replay of archived batches.</summary>
public static class IngestAdminEndpoints
{
    public static IEndpointRouteBuilder MapIngestAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/ingest");

        group.MapGet("/status", async (IngestPipeline pipeline, CompactionService compaction, IEnumerable<CircuitBreaker> breakers) => // want ASY007
            Results.Ok(new IngestStatus(
                pipeline.Rejected,
                pipeline.BackpressureWaits,
                compaction.LastRun,
                breakers.ToDictionary(b => b.Name, b => b.State.ToString()))));

        group.MapPost("/compact", async (SegmentCompactor compactor, IOptions<CompactionOptions> options, CancellationToken cancellationToken) =>
        {
            var segments = await Task.Run(() => Directory.EnumerateFiles(options.Value.SegmentDirectory, "*.seg") // want ASY025
                .Select(SegmentCompactor.Describe)
                .OfType<Segment>()
                .ToList(), cancellationToken);
            var groups = compactor.PlanGroups(segments);
            var results = await compactor.CompactAllAsync(groups, cancellationToken);
            return Results.Ok(results);
        });

        group.MapPost("/replay/{*key}", async (string key, ObjectStoreClient store, JsonLinesReader reader, IngestPipeline pipeline, HttpContext http) =>
        {
            var aborted = http.RequestAborted;
            var before = reader.MalformedCount;
            long records = 0;
            await using (var body = await store.OpenReadAsync(key, aborted))
            {
                await foreach (var record in reader.ReadAsync(body, aborted))
                {
                    await pipeline.PublishRecordAsync(record, aborted);
                    records++;
                }
            }
            pipeline.FlushAsync(aborted); // want ASY004
            return Results.Ok(new ReplayResult(key, records, reader.MalformedCount - before));
        });

        group.MapDelete("/archive/{*key}", async (string key, ObjectStoreClient store, HttpContext http) =>
        {
            var info = await store.HeadAsync(key, http.RequestAborted);
            if (info is null)
                return Results.NotFound();
            await store.DeleteAsync(key); // want ASY012
            return Results.NoContent();
        });

        group.MapPost("/archive/purge", (string[] keys, ObjectStoreClient store, HttpContext http) =>
        {
            var distinct = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.Ordinal).ToList();
            distinct.ForEach(async key => // want ASY003
            {
                if (await store.HeadAsync(key, http.RequestAborted) is not null)
                    await store.DeleteAsync(key, http.RequestAborted);
            });
            return Results.Accepted(value: new { queued = distinct.Count });
        });

        group.MapPost("/breakers/{name}/probe", async (string name, IEnumerable<CircuitBreaker> breakers, ObjectStoreClient store, HttpContext http) =>
        {
            var breaker = breakers.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
            if (breaker is null)
                return Results.NotFound();
            var probe = breaker.ProbeAsync(ct => store.HeadAsync("health/probe", ct), http.RequestAborted);
            if (probe is not null)
                await probe;
            return Results.Ok(new { breaker = breaker.Name, state = breaker.State.ToString() });
        });

        return app;
    }
}

[ApiController]
[Route("admin/objects")]
public sealed class ObjectsController : ControllerBase
{
    private readonly ObjectStoreClient _store;
    private readonly CompactionService _compaction;

    public ObjectsController(ObjectStoreClient store, CompactionService compaction)
    {
        _store = store;
        _compaction = compaction;
    }

    [HttpGet("head/{*key}")]
    public async Task<ActionResult<ObjectInfo>> Head(string key, CancellationToken cancellationToken)
    {
        var info = await _store.HeadAsync(key, cancellationToken);
        if (info is null)
            return NotFound();
        return info;
    }

    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<ObjectInfo>>> List([FromQuery] string prefix, [FromQuery] int limit = 100, CancellationToken cancellationToken = default)
    {
        var items = new List<ObjectInfo>();
        await foreach (var item in _store.ListAsync(prefix, cancellationToken))
        {
            items.Add(item);
            if (items.Count >= limit)
                break;
        }
        return Ok(items);
    }

    [HttpPost("retry-upload")]
    public IActionResult RetryUpload([FromBody] string compactedPath)
    {
        if (!System.IO.File.Exists(compactedPath))
            return NotFound();
        _compaction.RetryUploadLater(compactedPath);
        return Accepted();
    }

    [HttpDelete("{*key}")]
    public async Task<IActionResult> Delete(string key, CancellationToken cancellationToken)
    {
        await _store.DeleteAsync(key, cancellationToken);
        return NoContent();
    }
}
