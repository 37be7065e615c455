using Microsoft.AspNetCore.Diagnostics;

namespace MailRelay.Web.Api;

/// <summary>Unexpected errors under <c>/api</c> become ProblemDetails; pages get the friendly error page.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        LogUnhandled(logger, exception, httpContext.Request.Path);
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return false;
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Title = "Something went wrong on our side.", Status = 500, Detail = "The error was logged with this request's trace id." },
        });
    }

    [LoggerMessage(LogLevel.Error, "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
