using Freightly.Api.Controllers;
using Freightly.Application.Bookings;
using Freightly.Domain;
using Freightly.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace Freightly.Tests.Api;

public sealed class BookingsControllerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 11, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly IMediator _mediator = Substitute.For<IMediator>();
    private readonly ILabelRenderer _labels = Substitute.For<ILabelRenderer>();
    private FreightlyDbContext _db = null!;

    private sealed class FixedClock : IAuditClock
    {
        public DateTimeOffset UtcNow => Now;
    }

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        var options = new DbContextOptionsBuilder<FreightlyDbContext>().UseSqlite(_connection).Options;
        _db = new FreightlyDbContext(options, new FixedClock());
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Get_returns_booking_when_it_exists()
    {
        var booking = await SeedBookingAsync("BK-1001");
        var controller = CreateController();

        var result = await controller.Get(booking.Id, CancellationToken.None);

        Assert.Null(result.Result);
        var dto = Assert.IsType<BookingDto>(result.Value);
        Assert.Equal("BK-1001", dto.Reference);
        Assert.Equal("Confirmed", dto.Status);
    }

    [Fact]
    public async Task Get_returns_404_for_unknown_id()
    {
        var controller = CreateController();

        var result = await controller.Get(Guid.NewGuid(), CancellationToken.None);

        Assert.IsType<NotFoundResult>(result.Result);
    }

    [Fact]
    public void Exists_returns_200_for_known_booking()
    {
        var booking = SeedBookingAsync("BK-1002").Result; // want ASY001
        var controller = CreateController();

        var result = controller.Exists(booking.Id, CancellationToken.None);

        Assert.IsType<OkResult>(result);
    }

    [Fact]
    public async Task Create_returns_validation_problem_when_handler_rejects()
    {
        _mediator.Send(Arg.Any<CreateBookingCommand>(), Arg.Any<CancellationToken>())
            .Returns(CommandResult<BookingDto>.Invalid("OriginCode", "Origin is not serviced by Freightly"));
        var controller = CreateController();

        var result = await controller.Create(NewCommand(), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result.Result);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.Contains("OriginCode", details.Errors.Keys);
    }

    [Fact]
    public async Task Create_returns_201_with_location()
    {
        var dto = new BookingDto(Guid.NewGuid(), "BK-1100", "NLRTM", "DEHAM", "Draft", null, 120m);
        _mediator.Send(Arg.Any<CreateBookingCommand>(), Arg.Any<CancellationToken>())
            .Returns(CommandResult<BookingDto>.Ok(dto));
        var controller = CreateController();

        var result = await controller.Create(NewCommand(), CancellationToken.None);

        var created = Assert.IsType<CreatedAtActionResult>(result.Result);
        Assert.Equal(nameof(BookingsController.Get), created.ActionName);
        Assert.Same(dto, created.Value);
    }

    [Fact]
    public async Task Cancel_twice_returns_conflict_the_second_time()
    {
        var booking = await SeedBookingAsync("BK-1003");
        var controller = CreateController();

        var first = await controller.Cancel(booking.Id, new CancelBookingRequest("customer request"), CancellationToken.None);
        var second = await controller.Cancel(booking.Id, new CancelBookingRequest("customer request"), CancellationToken.None);

        Assert.IsType<NoContentResult>(first);
        Assert.IsType<ConflictObjectResult>(second);
    }

    [Fact]
    public async Task Repository_rejects_duplicate_reference()
    {
        var repository = CreateRepository();
        await SeedBookingAsync("BK-2000");

        await Assert.ThrowsAsync<DuplicateBookingException>(() => repository.AddAsync(NewBooking("BK-2000")));
    }

    [Fact]
    public async Task Cancel_requires_a_reason()
    {
        var repository = CreateRepository();
        var booking = await SeedBookingAsync("BK-3000");

        Assert.ThrowsAsync<ArgumentException>(() => repository.CancelAsync(booking.Id, "")); // want ASY004 ASY033
    }

    [Fact]
    public async Task Dto_sums_line_weights() // want ASY007
    {
        var booking = NewBooking("BK-4000");
        booking.Lines.Add(new BookingLine { Description = "Pallets", Quantity = 2, WeightKg = 100m });
        booking.Lines.Add(new BookingLine { Description = "Crate", Quantity = 1, WeightKg = 40m });

        var dto = BookingDto.From(booking);

        Assert.Equal(240m, dto.TotalWeightKg);
    }

    [Fact]
    public async Task Label_is_rejected_for_draft_bookings()
    {
        var booking = await SeedBookingAsync("BK-5000", BookingStatus.Draft);
        var controller = CreateController();

        var result = await controller.Label(booking.Id, CancellationToken.None);

        Assert.IsType<ConflictObjectResult>(result);
        _labels.DidNotReceive().Render(Arg.Any<Booking>());
    }

    private BookingRepository CreateRepository() =>
        new(_db, Substitute.For<IDbContextFactory<FreightlyDbContext>>(), NullLogger<BookingRepository>.Instance);

    private BookingsController CreateController() =>
        new(_mediator, CreateRepository(), _labels, NullLogger<BookingsController>.Instance);

    private async Task<Booking> SeedBookingAsync(string reference, BookingStatus status = BookingStatus.Confirmed)
    {
        var booking = NewBooking(reference);
        booking.Status = status;
        _db.Bookings.Add(booking);
        await _db.SaveChangesAsync();
        return booking;
    }

    private static Booking NewBooking(string reference) => new()
    {
        Id = Guid.NewGuid(),
        Reference = reference,
        CustomerId = Guid.Parse("5b0c6c1e-8f7e-4c1e-9d55-2a4d1f0e9a11"),
        OriginCode = "NLRTM",
        DestinationCode = "DEHAM",
        Mode = TransportMode.Road,
        Status = BookingStatus.Draft,
        PickupWindowStart = Now.AddDays(1),
        PickupWindowEnd = Now.AddDays(1).AddHours(4),
    };

    private static CreateBookingCommand NewCommand() => new(
        Guid.NewGuid(),
        "NLRTM",
        "DEHAM",
        TransportMode.Road,
        Now.AddDays(2),
        Now.AddDays(2).AddHours(6),
        new[] { new BookingLineInput("Euro pallets", 4, 250m, false, "940360") });
}
