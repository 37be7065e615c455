using System.Diagnostics;
using MailRelay.Core.Common;

namespace MailRelay.Web.Api;

/// <summary>
/// The answers <c>/api</c> endpoints share: a service's <see cref="Failure"/> as ProblemDetails (Invalid 400,
/// NotFound 404, Conflict 409, Unavailable 503), a one-field ValidationProblem, and the <c>?status=</c> filter of the lists.
/// </summary>
public static class ApiResults
{
    /// <summary>
    /// The failure's sentence as the detail. <paramref name="title"/> names what did not happen (Invalid, Conflict);
    /// a NotFound has <paramref name="notFoundTitle"/>, or the default title. With <paramref name="field"/>, Invalid is a ValidationProblem on that field.
    /// </summary>
    public static IResult Problem(Failure failure, string? title = null, string? notFoundTitle = null, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            FailureKind.Invalid when field is not null => ValidationProblem(field, failure.Message, title),
            FailureKind.Invalid => Results.Problem(failure.Message, statusCode: StatusCodes.Status400BadRequest, title: title),
            FailureKind.NotFound => Results.Problem(failure.Message, statusCode: StatusCodes.Status404NotFound, title: notFoundTitle),
            FailureKind.Conflict => Results.Problem(failure.Message, statusCode: StatusCodes.Status409Conflict, title: title),
            FailureKind.Unavailable => Results.Problem(failure.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: title),
            _ => throw new UnreachableException($"No status for {failure.Kind}."),
        };
    }

    /// <summary>A 400 ValidationProblem with one sentence on one field.</summary>
    public static IResult ValidationProblem(string field, string message, string? title = null) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    /// <summary>The <c>?status=</c> of a list: a status by name (any case), or none; else a ValidationProblem naming the ones there are.</summary>
    public static bool TryParseStatus<TStatus>(string? status, out TStatus? wanted, out IResult problem) where TStatus : struct, Enum
    {
        wanted = null;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(status)) return true;
        if (Enum.TryParse<TStatus>(status, true, out var parsed) && Enum.IsDefined(parsed))
        {
            wanted = parsed;
            return true;
        }
        problem = ValidationProblem("status", $"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<TStatus>())}.");
        return false;
    }

    /// <summary>A domain that is not on the DNS page, as the DNS and domain endpoints answer it.</summary>
    public static IResult NotListed(Failure failure) => Problem(failure, notFoundTitle: "Unknown domain");
}
