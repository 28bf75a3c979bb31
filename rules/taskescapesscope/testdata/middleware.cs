using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shop.Web
{
    public class TimingMiddleware
    {
        private readonly RequestDelegate _next;
        private readonly ILogger<TimingMiddleware> _logger;

        public TimingMiddleware(RequestDelegate next, ILogger<TimingMiddleware> logger)
        {
            _next = next;
            _logger = logger;
        }

        public Task InvokeAsync(HttpContext context)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                return _next(context); // want ASY017
            }
            finally
            {
                _logger.LogInformation("{Path} took {Ms} ms", context.Request.Path, watch.ElapsedMilliseconds);
            }
        }

        public Task InvokeGuardedAsync(HttpContext context)
        {
            try
            {
                return _next(context);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "pipeline failed to start");
                return Task.FromException(ex);
            }
        }

        public Task InvokeScopedAsync(HttpContext context)
        {
            using (_logger.BeginScope("request {Id}", context.TraceIdentifier))
            {
                return _next(context);
            }
        }

        public Task<int> Deferred(HttpContext context)
        {
            Func<Task<int>> later = () =>
            {
                try
                {
                    return Task.FromResult(context.Response.StatusCode);
                }
                finally
                {
                    _logger.LogDebug("status read");
                }
            };
            return later();
        }

        public async Task InvokeAwaitedAsync(HttpContext context)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await _next(context);
            }
            finally
            {
                _logger.LogInformation("took {Ms} ms", watch.ElapsedMilliseconds);
            }
        }
    }
}
