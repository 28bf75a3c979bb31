using System.Diagnostics;
using System.Text;
using Freightly.Application.Bookings;
using Freightly.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Freightly.Api.Middleware;

public sealed class RequestAuditMiddleware
{
    private static readonly string[] AuditedMethods = { "POST", "PUT", "PATCH", "DELETE" };
    private const int MaxBodyChars = 16 * 1024;

    private readonly RequestDelegate _next;
    private readonly ILogger<RequestAuditMiddleware> _logger;

    public RequestAuditMiddleware(RequestDelegate next, ILogger<RequestAuditMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, IAuditLog audit)
    {
        if (!ShouldAudit(context.Request))
        {
            await _next(context);
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        context.Request.EnableBuffering();

        string requestBody;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, false, 4096, leaveOpen: true))
        {
            requestBody = reader.ReadToEnd(); // want ASY006
            context.Request.Body.Position = 0;
        }

        var originalBody = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await _next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody); // want ASY012

        var entry = new AuditEntry(
            context.User.Identity?.Name ?? "anonymous",
            $"{context.Request.Method} {context.Response.StatusCode}",
            context.Request.Path,
            DateTimeOffset.UtcNow,
            requestBody.Length > MaxBodyChars ? requestBody[..MaxBodyChars] : requestBody);
        await audit.WriteAsync(entry, context.RequestAborted);

        _logger.LogDebug("Audited {Method} {Path} in {Elapsed} ms", context.Request.Method, context.Request.Path, stopwatch.ElapsedMilliseconds);
    }

    private static bool ShouldAudit(HttpRequest request) =>
        AuditedMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
        && request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/api/tracking/events");
}

public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    private const string Header = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[Header].FirstOrDefault() ?? Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Response.Headers[Header] = id;

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            return next(context); // want ASY017
        }
    }
}

public sealed class MaintenanceOptions
{
    public bool Enabled { get; set; }
    public string Message { get; set; } = "Freightly is undergoing maintenance.";
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class MaintenanceModeMiddleware(RequestDelegate next, IOptionsMonitor<MaintenanceOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var current = options.CurrentValue;
        if (!current.Enabled || context.Request.Path.StartsWithSegments("/health"))
            return next(context);

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)current.RetryAfter.TotalSeconds).ToString();
        return context.Response.WriteAsync(current.Message, context.RequestAborted);
    }
}

public sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DuplicateBookingException => (StatusCodes.Status409Conflict, "Duplicate booking"),
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request"),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error"),
        };

        if (status >= 500)
            logger.LogError(exception, "Unhandled exception for {Path}", httpContext.Request.Path);

        httpContext.Response.StatusCode = status;
        await httpContext.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Instance = httpContext.Request.Path },
            cancellationToken);
        return true;
    }
}

public sealed record StoredResponse(int StatusCode, object? Body);

public interface IIdempotencyStore
{
    Task<StoredResponse?> GetAsync(string key, CancellationToken ct = default);
    Task SaveAsync(string key, StoredResponse response, CancellationToken ct = default);
}

public sealed class IdempotencyFilter(IIdempotencyStore store) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.HttpContext.Request.Headers.TryGetValue("Idempotency-Key", out var key) || StringValues.IsNullOrEmpty(key))
        {
            await next();
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        var previous = await store.GetAsync(key!, ct);
        if (previous is not null)
        {
            context.Result = new ObjectResult(previous.Body) { StatusCode = previous.StatusCode };
            return;
        }

        var executed = await next();
        if (executed.Exception is null && executed.Result is ObjectResult { StatusCode: >= 200 and < 300 } ok)
            await store.SaveAsync(key!, new StoredResponse(ok.StatusCode ?? 200, ok.Value), ct);
    }
}
