using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace MlaFlow.Gateway.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem responses. Unexpected ones are logged and
/// answered with a bare 500: their messages may hold internals and are not shown to the caller.
/// </summary>
internal sealed class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            InconsistentStateException => (StatusCodes.Status409Conflict, "Concurrent change",
                "The resource was changed by someone else at the same time; nothing was written. Try again."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The server failed; nothing was changed by the failed step."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
            Exception = exception,
        });
    }
}
