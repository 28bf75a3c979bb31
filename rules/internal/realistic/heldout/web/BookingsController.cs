using Freightly.Application.Bookings;
using Freightly.Application.Quotes;
using Freightly.Domain;
using Freightly.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Freightly.Api.Controllers;

public sealed record CancelBookingRequest(string Reason);

public interface ILabelRenderer
{
    byte[] Render(Booking booking);
}

[ApiController]
[Route("api/bookings")]
[Authorize(Policy = "Shipper")]
public sealed class BookingsController : ControllerBase
{
    private const int MaxPageSize = 200;

    private readonly IMediator _mediator;
    private readonly IBookingRepository _bookings;
    private readonly ILabelRenderer _labels;
    private readonly ILogger<BookingsController> _logger;

    public BookingsController(
        IMediator mediator,
        IBookingRepository bookings,
        ILabelRenderer labels,
        ILogger<BookingsController> logger)
    {
        _mediator = mediator;
        _bookings = bookings;
        _labels = labels;
        _logger = logger;
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType(typeof(BookingDto), StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<BookingDto>> Get(Guid id, CancellationToken ct)
    {
        var booking = await _bookings.FindAsync(id, ct);
        return booking is null ? NotFound() : BookingDto.From(booking);
    }

    [HttpHead("{id:guid}")]
    public IActionResult Exists(Guid id, CancellationToken ct)
    {
        var booking = _bookings.FindAsync(id, ct).Result; // want ASY001
        return booking is null ? NotFound() : Ok();
    }

    [HttpGet]
    public async Task<ActionResult<PagedResult<BookingDto>>> Search([FromQuery] BookingSearch search, CancellationToken ct)
    {
        if (search.PageSize is < 1 or > MaxPageSize)
            return BadRequest($"pageSize must be between 1 and {MaxPageSize}");

        var page = await _bookings.SearchAsync(search); // want ASY012
        return new PagedResult<BookingDto>(
            page.Items.Select(BookingDto.From).ToList(),
            page.Total,
            page.Page,
            page.PageSize);
    }

    [HttpPost]
    [ProducesResponseType(typeof(BookingDto), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<BookingDto>> Create(CreateBookingCommand command, CancellationToken ct)
    {
        var result = await _mediator.Send(command, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Property, error.Message);
            return ValidationProblem(ModelState);
        }

        return CreatedAtAction(nameof(Get), new { id = result.Value!.Id }, result.Value);
    }

    [HttpPost("{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, ConfirmBookingCommand body, CancellationToken ct)
    {
        if (id != body.BookingId)
            return BadRequest("Route id and body id differ");

        var result = await _mediator.Send(body, ct);
        return result.Succeeded ? Ok(result.Value) : Conflict(result.Errors);
    }

    [HttpPost("{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, [FromBody] CancelBookingRequest request, CancellationToken ct)
    {
        var cancelled = await _bookings.CancelAsync(id, request.Reason, ct);
        if (!cancelled)
            return Conflict(new ProblemDetails { Title = "Booking cannot be cancelled", Status = StatusCodes.Status409Conflict });

        _logger.LogInformation("Booking {BookingId} cancelled by {User}: {Reason}", id, User.Identity?.Name, request.Reason);
        return NoContent();
    }

    [HttpGet("{id:guid}/quote")]
    public async Task<ActionResult<QuoteDto>> Quote(Guid id, CancellationToken ct)
    {
        var quote = await _mediator.Send(new GetBestQuoteQuery(id), ct);
        if (quote is null)
            return NotFound();

        Response.Headers.CacheControl = "private, max-age=60";
        return quote;
    }

    [HttpGet("{id:guid}/events")]
    public async Task<ActionResult<List<TrackingEventDto>>> Events(Guid id, CancellationToken ct)
    {
        var booking = await _bookings.FindAsync(id, ct);
        if (booking is null)
            return NotFound();

        return booking.Events
            .OrderBy(e => e.OccurredAt)
            .Select(TrackingEventDto.From)
            .ToList();
    }

    [HttpGet("{id:guid}/label")]
    [Produces("application/pdf")]
    public async Task<IActionResult> Label(Guid id, CancellationToken ct)
    {
        var booking = await _bookings.FindAsync(id, ct);
        if (booking is null)
            return NotFound();
        if (booking.Status is not (BookingStatus.Confirmed or BookingStatus.InTransit))
            return Conflict("Labels are only available for confirmed bookings");

        // PDF rendering is CPU heavy; keep it off the request thread.
        var pdf = await Task.Run(() => _labels.Render(booking), ct); // want ASY025
        return File(pdf, "application/pdf", $"{booking.Reference}.pdf");
    }

    [HttpDelete("drafts")]
    [Authorize(Policy = "Ops")]
    public async Task<IActionResult> PurgeDrafts([FromQuery] int olderThanDays, CancellationToken ct)
    {
        if (olderThanDays < 7)
            return BadRequest("Drafts younger than a week are kept");

        var purged = await _bookings.PurgeDraftsOlderThanAsync(DateTimeOffset.UtcNow.AddDays(-olderThanDays), ct);
        _logger.LogInformation("Purged {Count} draft bookings older than {Days} days", purged, olderThanDays);
        return Ok(new { purged });
    }
}
