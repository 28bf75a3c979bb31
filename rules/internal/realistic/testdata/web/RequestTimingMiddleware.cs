using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shop.Web.Middleware;

public sealed class RequestTimingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<RequestTimingMiddleware> _logger;

    public RequestTimingMiddleware(RequestDelegate next, ILogger<RequestTimingMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Elapsed-Ms"] = stopwatch.ElapsedMilliseconds.ToString();
            return Task.CompletedTask;
        });

        try
        {
            await _next(context);
        }
        finally
        {
            stopwatch.Stop();
            if (stopwatch.ElapsedMilliseconds > 500)
            {
                _logger.LogWarning("Slow request {Method} {Path} took {Elapsed} ms",
                    context.Request.Method, context.Request.Path, stopwatch.ElapsedMilliseconds);
            }
        }
    }
}

public sealed class MaintenanceModeMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IMaintenanceSwitch _switch;

    public MaintenanceModeMiddleware(RequestDelegate next, IMaintenanceSwitch maintenanceSwitch)
    {
        _next = next;
        _switch = maintenanceSwitch;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!_switch.IsOn || context.Request.Path.StartsWithSegments("/health"))
        {
            return _next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.WriteAsync("Down for maintenance"); // want ASY004
        return Task.CompletedTask;
    }
}

public interface IMaintenanceSwitch
{
    bool IsOn { get; }
}
