using Microsoft.AspNetCore.Diagnostics;

namespace MailRelay.Web.Api;

/// <summary>Unexpected errors under <c>/api</c> become ProblemDetails; pages get the friendly error page.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            // The client's fault (a missing or stale antiforgery token, an unreadable body): a 4xx with a sentence,
            // not an error page that would run the pipeline again on a form it must not read.
            LogRefused(logger, httpContext.Request.Path, badRequest.Message);
            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Title = "The request was refused.", Status = badRequest.StatusCode,
                    Detail = "The form may have expired: reload the page and try again.",
                },
            });
        }
        if (exception is MailRelay.Core.Common.InvalidCursorException invalidCursor)
        {
            // A tampered, truncated or foreign page cursor (after=, only the API takes one): the caller's mistake, said as such.
            // The path is the original one: by now the request's own path is the error page's.
            LogRefused(logger, httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path, invalidCursor.Message);
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Title = "invalid cursor", Status = 400, Detail = invalidCursor.Message },
            });
        }
        LogUnhandled(logger, exception, httpContext.Request.Path);
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return false;
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Title = "Something went wrong on our side.", Status = 500, Detail = "The error was logged with this request's trace id." },
        });
    }

    [LoggerMessage(LogLevel.Warning, "Refused a bad request on {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);

    [LoggerMessage(LogLevel.Error, "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
