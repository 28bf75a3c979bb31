using System.Text.Json;
using System.Threading.Channels;
using Freightly.Api.Hubs;
using Freightly.Application.Bookings;
using Freightly.Application.Quotes;
using Freightly.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Freightly.Api.Endpoints;

public sealed record TrackingUpdate(string Reference, string Code, string Location, DateTimeOffset OccurredAt, string? Notes);

public sealed record EtaPrediction(string Reference, DateTimeOffset EstimatedArrival, double Confidence);

public interface IEtaPredictor
{
    EtaPrediction Predict(Booking booking);
}

public interface IWebhookVerifier
{
    bool Verify(string body, string? signature);
}

public static class TrackingEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapTracking(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tracking").WithTags("Tracking");

        group.MapGet("/{reference}", GetTimeline);
        group.MapPost("/events", PostEvent).RequireAuthorization("CarrierIntegration");
        group.MapPost("/events/batch", PostBatch).RequireAuthorization("CarrierIntegration");
        group.MapPost("/webhooks/{carrier}", CarrierWebhook).AllowAnonymous();

        group.MapGet("/carriers", async (ICarrierDirectory directory) => Results.Ok(directory.ListActive())); // want ASY007

        group.MapGet("/{reference}/eta", async (string reference, FreightlyDbContext db, IEtaPredictor eta, CancellationToken ct) =>
        {
            var booking = await db.Bookings
                .AsNoTracking()
                .Include(b => b.Events)
                .FirstOrDefaultAsync(b => b.Reference == reference, ct);
            if (booking is null)
                return Results.NotFound();

            var prediction = await Task.Run(() => eta.Predict(booking), ct); // want ASY025
            return Results.Ok(prediction);
        });

        return group;
    }

    private static async Task<IResult> GetTimeline(string reference, FreightlyDbContext db, CancellationToken ct)
    {
        var bookingId = await db.Bookings
            .Where(b => b.Reference == reference)
            .Select(b => (Guid?)b.Id)
            .FirstOrDefaultAsync(ct);
        if (bookingId is null)
            return Results.NotFound();

        var events = await db.TrackingEvents
            .AsNoTracking()
            .Where(e => e.BookingId == bookingId)
            .OrderBy(e => e.OccurredAt)
            .Select(e => new TrackingEventDto(e.Code, e.Location, e.OccurredAt, e.Notes))
            .ToListAsync(ct);

        return Results.Ok(events);
    }

    private static async Task<IResult> PostEvent(
        TrackingUpdate update,
        FreightlyDbContext db,
        IHubContext<ShipmentHub, IShipmentClient> hub,
        ILogger<TrackingUpdate> logger,
        CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Reference == update.Reference, ct);
        if (booking is null)
            return Results.NotFound();

        var evt = new TrackingEvent
        {
            BookingId = booking.Id,
            Code = update.Code,
            Location = update.Location,
            OccurredAt = update.OccurredAt,
            Notes = update.Notes,
        };
        db.TrackingEvents.Add(evt);
        booking.Status = update.Code switch
        {
            "PICKED_UP" => BookingStatus.InTransit,
            "DELIVERED" => BookingStatus.Delivered,
            _ => booking.Status,
        };
        await db.SaveChangesAsync(ct);

        hub.Clients.Group(ShipmentHub.GroupFor(booking.Reference)).TrackingUpdated(TrackingEventDto.From(evt)); // want ASY004
        logger.LogInformation("Tracking {Code} recorded for {Reference}", update.Code, update.Reference);
        return Results.Accepted($"/api/tracking/{booking.Reference}");
    }

    private static async Task<IResult> PostBatch(
        TrackingUpdate[] updates,
        FreightlyDbContext db,
        IHubContext<ShipmentHub, IShipmentClient> hub,
        CancellationToken ct)
    {
        var references = updates.Select(u => u.Reference).Distinct().ToList();
        var bookings = await db.Bookings
            .Where(b => references.Contains(b.Reference))
            .ToDictionaryAsync(b => b.Reference, ct);

        var unknown = new List<string>();
        foreach (var update in updates.OrderBy(u => u.OccurredAt))
        {
            if (!bookings.TryGetValue(update.Reference, out var booking))
            {
                unknown.Add(update.Reference);
                continue;
            }

            db.TrackingEvents.Add(new TrackingEvent
            {
                BookingId = booking.Id,
                Code = update.Code,
                Location = update.Location,
                OccurredAt = update.OccurredAt,
                Notes = update.Notes,
            });
        }

        await db.SaveChangesAsync(ct);

        foreach (var latest in updates.GroupBy(u => u.Reference).Where(g => bookings.ContainsKey(g.Key)).Select(g => g.MaxBy(u => u.OccurredAt)!))
        {
            var dto = new TrackingEventDto(latest.Code, latest.Location, latest.OccurredAt, latest.Notes);
            await hub.Clients.Group(ShipmentHub.GroupFor(latest.Reference)).TrackingUpdated(dto);
        }

        return unknown.Count == 0 ? Results.Accepted() : Results.Ok(new { unknown });
    }

    private static async Task<IResult> CarrierWebhook(
        string carrier,
        HttpContext http,
        IWebhookVerifier verifier,
        ChannelWriter<TrackingUpdate> queue)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        if (!verifier.Verify(body, http.Request.Headers["X-Signature"]))
            return Results.Unauthorized();

        var updates = JsonSerializer.Deserialize<TrackingUpdate[]>(body, Json) ?? Array.Empty<TrackingUpdate>();
        foreach (var update in updates)
            await queue.WriteAsync(update with { Notes = $"via {carrier}" }, http.RequestAborted);

        return Results.Accepted();
    }
}
