using FluentValidation;
using Freightly.Domain;
using Freightly.Infrastructure.Capacity;
using Freightly.Infrastructure.Carriers;
using Freightly.Infrastructure.Persistence;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Freightly.Application.Bookings;

public sealed record ValidationError(string Property, string Message);

public sealed record CommandResult<T>(bool Succeeded, T? Value, IReadOnlyList<ValidationError> Errors)
{
    public static CommandResult<T> Ok(T value) => new(true, value, Array.Empty<ValidationError>());

    public static CommandResult<T> Invalid(IEnumerable<ValidationError> errors) => new(false, default, errors.ToList());

    public static CommandResult<T> Invalid(string property, string message) => Invalid(new[] { new ValidationError(property, message) });
}

public sealed record BookingLineInput(string Description, int Quantity, decimal WeightKg, bool IsHazardous, string? HsCode);

public sealed record BookingDto(Guid Id, string Reference, string Origin, string Destination, string Status, string? Carrier, decimal TotalWeightKg)
{
    public static BookingDto From(Booking b) =>
        new(b.Id, b.Reference, b.OriginCode, b.DestinationCode, b.Status.ToString(), b.CarrierCode, b.TotalWeightKg);
}

public sealed record TrackingEventDto(string Code, string Location, DateTimeOffset OccurredAt, string? Notes)
{
    public static TrackingEventDto From(TrackingEvent e) => new(e.Code, e.Location, e.OccurredAt, e.Notes);
}

public sealed record CreateBookingCommand(
    Guid CustomerId,
    string OriginCode,
    string DestinationCode,
    TransportMode Mode,
    DateTimeOffset PickupWindowStart,
    DateTimeOffset PickupWindowEnd,
    IReadOnlyList<BookingLineInput> Lines) : IRequest<CommandResult<BookingDto>>;

public sealed record ConfirmBookingCommand(Guid BookingId, string CarrierCode, decimal AgreedPrice) : IRequest<CommandResult<BookingDto>>;

public sealed record BookingCreated(Guid BookingId, string Reference, Guid CustomerId) : INotification;

public sealed record AuditEntry(string Actor, string Action, string Subject, DateTimeOffset At, string? Payload = null);

public sealed record EmailMessage(string Template, Guid CustomerId, IReadOnlyDictionary<string, string> Model);

public interface IReferenceGenerator { Task<string> NextAsync(string prefix, CancellationToken ct = default); }

public interface ILocationDirectory { Task<bool> IsServicedAsync(string unLocode, CancellationToken ct = default); }

public interface IEmailQueue { void Enqueue(EmailMessage message); }

public interface IAuditLog { Task WriteAsync(AuditEntry entry, CancellationToken ct = default); }

public sealed class CreateBookingValidator : AbstractValidator<CreateBookingCommand>
{
    public CreateBookingValidator(ILocationDirectory locations)
    {
        RuleFor(c => c.OriginCode).NotEmpty().Length(5);
        RuleFor(c => c.DestinationCode).NotEmpty().Length(5).NotEqual(c => c.OriginCode);
        RuleFor(c => c.PickupWindowEnd).GreaterThan(c => c.PickupWindowStart);
        RuleFor(c => c.Lines).NotEmpty();
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Quantity).GreaterThan(0);
            line.RuleFor(l => l.WeightKg).InclusiveBetween(0.1m, 30_000m);
        });
        RuleFor(c => c.OriginCode)
            .MustAsync((code, ct) => locations.IsServicedAsync(code, ct))
            .WithMessage("Origin is not serviced by Freightly");
    }
}

public sealed class CreateBookingHandler(
    IBookingRepository bookings,
    IValidator<CreateBookingCommand> validator,
    IReferenceGenerator references,
    IPublisher publisher) : IRequestHandler<CreateBookingCommand, CommandResult<BookingDto>>
{
    public async Task<CommandResult<BookingDto>> Handle(CreateBookingCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<BookingDto>.Invalid(validation.Errors.Select(e => new ValidationError(e.PropertyName, e.ErrorMessage)));

        if (cancellationToken.IsCancellationRequested) // want ASY029
            throw new OperationCanceledException(cancellationToken);

        var booking = new Booking
        {
            Id = Guid.NewGuid(),
            Reference = await references.NextAsync("BK", cancellationToken),
            CustomerId = command.CustomerId,
            OriginCode = command.OriginCode,
            DestinationCode = command.DestinationCode,
            Mode = command.Mode,
            Status = BookingStatus.Draft,
            PickupWindowStart = command.PickupWindowStart,
            PickupWindowEnd = command.PickupWindowEnd,
            Lines = command.Lines
                .Select(l => new BookingLine { Description = l.Description, Quantity = l.Quantity, WeightKg = l.WeightKg, IsHazardous = l.IsHazardous, HsCode = l.HsCode })
                .ToList(),
        };

        await bookings.AddAsync(booking, cancellationToken);
        await publisher.Publish(new BookingCreated(booking.Id, booking.Reference, booking.CustomerId), cancellationToken);
        return CommandResult<BookingDto>.Ok(BookingDto.From(booking));
    }
}

public sealed class ConfirmBookingHandler(
    IBookingRepository bookings,
    ICarrierRateClient rates,
    IDockCapacityService capacity,
    ILogger<ConfirmBookingHandler> logger) : IRequestHandler<ConfirmBookingCommand, CommandResult<BookingDto>>
{
    public async Task<CommandResult<BookingDto>> Handle(ConfirmBookingCommand command, CancellationToken ct)
    {
        var booking = await bookings.FindAsync(command.BookingId, ct);
        if (booking is null)
            return CommandResult<BookingDto>.Invalid(nameof(command.BookingId), "Booking not found");
        if (booking.Status != BookingStatus.Draft)
            return CommandResult<BookingDto>.Invalid(nameof(command.BookingId), $"Booking is already {booking.Status}");

        var quote = await rates.GetRateAsync(
            new RateRequest(command.CarrierCode, booking.OriginCode, booking.DestinationCode, booking.TotalWeightKg, booking.Mode), ct);
        if (quote is null || Math.Abs(quote.Price - command.AgreedPrice) > quote.Price * 0.01m)
            return CommandResult<BookingDto>.Invalid(nameof(command.AgreedPrice), "Price no longer matches the carrier quote");

        if (!await ReserveDockSlotAsync(ct, booking))
            return CommandResult<BookingDto>.Invalid(nameof(booking.PickupWindowStart), "No dock capacity in the pickup window");

        booking.CarrierCode = command.CarrierCode;
        booking.QuotedPrice = quote.Price;
        booking.Status = BookingStatus.Confirmed;
        await bookings.SaveAsync(ct);

        logger.LogInformation("Booking {Reference} confirmed with {Carrier} at {Price}", booking.Reference, booking.CarrierCode, booking.QuotedPrice);
        return CommandResult<BookingDto>.Ok(BookingDto.From(booking));
    }

    private async Task<bool> ReserveDockSlotAsync(CancellationToken ct, Booking booking) // want ASY028
    {
        var slot = await capacity.FindSlotAsync(booking.OriginCode, booking.PickupWindowStart, booking.PickupWindowEnd, ct);
        if (slot is null)
            return false;

        return await capacity.TryReserveAsync(slot.Id, booking.TotalWeightKg, ct);
    }
}

public sealed class SendConfirmationEmailOnBookingCreated(IEmailQueue emails) : INotificationHandler<BookingCreated>
{
    public async Task Handle(BookingCreated notification, CancellationToken cancellationToken) // want ASY007
    {
        emails.Enqueue(new EmailMessage(
            "booking-received",
            notification.CustomerId,
            new Dictionary<string, string> { ["reference"] = notification.Reference }));
    }
}

public sealed class RecordBookingAudit(IAuditLog audit) : INotificationHandler<BookingCreated>
{
    public Task Handle(BookingCreated notification, CancellationToken cancellationToken) =>
        audit.WriteAsync(
            new AuditEntry("system", "booking.created", notification.Reference, DateTimeOffset.UtcNow),
            cancellationToken);
}
