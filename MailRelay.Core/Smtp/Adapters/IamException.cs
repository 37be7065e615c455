using System.Net;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// IAM refused a request (its <c>ErrorResponse</c>), answered with something that is not IAM XML,
/// or could not be reached. <see cref="Code"/> is IAM's error code (see <see cref="IamErrorCodes"/>);
/// <see cref="IsTransient"/> says whether trying again later can help. Messages are IAM's own or
/// ours and never carry request parameters, so no secret can end up in them.
/// </summary>
public sealed class IamException(string code, string message, HttpStatusCode? statusCode, string? errorType, string? requestId, Exception? innerException = null)
    : Exception($"IAM {code}: {message}", innerException)
{
    /// <summary>Codes that mean "slow down" or "try again". LimitExceeded is not one: it is a quota (e.g. two access keys per user).</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        IamErrorCodes.Throttling, "ThrottlingException", "RequestThrottled", "RequestLimitExceeded", "TooManyRequestsException",
        IamErrorCodes.ConcurrentModification, IamErrorCodes.ServiceFailure, "ServiceUnavailable", "InternalFailure", "InternalError",
        "RequestTimeout",
    };

    public string Code { get; } = code;

    public string AwsMessage { get; } = message;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary><c>Sender</c> (our request is wrong) or <c>Receiver</c> (IAM failed), when IAM said.</summary>
    public string? ErrorType { get; } = errorType;

    public string? RequestId { get; } = requestId;

    public bool IsNoSuchEntity => Code == IamErrorCodes.NoSuchEntity;

    public bool IsEntityAlreadyExists => Code == IamErrorCodes.EntityAlreadyExists;

    public bool IsLimitExceeded => Code == IamErrorCodes.LimitExceeded;

    public bool IsTransient =>
        TransientCodes.Contains(Code)
        || string.Equals(ErrorType, "Receiver", StringComparison.Ordinal)
        || StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (int?)StatusCode >= 500
        || StatusCode is null; // not reached at all: network failure or time-out
}
