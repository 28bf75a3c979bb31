using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using Shop.Services;

namespace Shop.Web.Filters;

public sealed class AuditActionFilter : IAsyncActionFilter
{
    private readonly IAuditLog _audit;
    private readonly ILogger<AuditActionFilter> _logger;

    public AuditActionFilter(IAuditLog audit, ILogger<AuditActionFilter> logger)
    {
        _audit = audit;
        _logger = logger;
    }

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ModelState.IsValid)
        {
            context.Result = new BadRequestObjectResult(context.ModelState);
            return;
        }

        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            _logger.LogError(executed.Exception, "Action {Action} failed", context.ActionDescriptor.DisplayName);
            return;
        }

        if (executed.Result is ObjectResult { StatusCode: >= 200 and < 300 })
        {
            var user = context.HttpContext.User.Identity?.Name ?? "anonymous";
            _audit.RecordAsync(user, context.ActionDescriptor.DisplayName ?? "?", DateTimeOffset.UtcNow); // want ASY004
        }
    }
}

public sealed class ValidateTenantFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (!context.HttpContext.Request.Headers.ContainsKey("X-Tenant"))
        {
            context.Result = new BadRequestObjectResult("Missing X-Tenant header");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
        if (context.Result is ObjectResult result && result.Value is null)
        {
            context.Result = new NoContentResult();
        }
    }
}
