using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Shop.Web
{
    public interface IArchive
    {
        Task DeleteAsync(string key, CancellationToken ct = default);
    }

    public sealed class ResponseBufferingMiddleware
    {
        private readonly RequestDelegate _next;

        public ResponseBufferingMiddleware(RequestDelegate next) => _next = next;

        public async Task InvokeAsync(HttpContext context)
        {
            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await _next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(original); // want ASY012
            await buffer.CopyToAsync(original, context.RequestAborted);
            await Task.Delay(5); // want ASY012
            context.Response.OnCompleted(async () => await Task.Delay(5));
        }

        public async Task TraceAsync(HttpContext context, CancellationToken shutdown)
        {
            await Task.Delay(1); // want ASY012
            await Task.Delay(1, shutdown);
        }

        public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app, IArchive archive)
        {
            app.MapDelete("/archive/{key}", async (string key, HttpContext http) =>
            {
                await archive.DeleteAsync(key); // want ASY012
                await archive.DeleteAsync(key, http.RequestAborted);
                return Results.NoContent();
            });
            app.MapGet("/archive", async (string key) =>
            {
                await archive.DeleteAsync(key);
                return Results.Ok();
            });
        }

        public async Task WriteAsync(Stream output)
        {
            await Task.Delay(1);
        }
    }
}
