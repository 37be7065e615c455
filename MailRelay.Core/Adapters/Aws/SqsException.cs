using System.Net;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// SQS refused a request (its <c>ErrorResponse</c>), answered with something that is not SQS XML, or
/// could not be reached. <see cref="IsTransient"/> says whether trying again later can help.
/// </summary>
public sealed class SqsException(string code, string message, HttpStatusCode? statusCode, string? errorType, string? requestId, Exception? innerException = null)
    : Exception($"SQS {code}: {message}", innerException)
{
    /// <summary>Error codes that mean "slow down" or "try again", whatever the HTTP status.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "PriorRequestNotComplete",
        "ServiceUnavailable", "InternalError", "InternalFailure", "RequestTimeout", "RequestTimeoutException",
        "AWS.SimpleQueueService.ServiceUnavailable", "KMS.ThrottlingException",
    };

    /// <summary>The AWS error code, e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c>.</summary>
    public string Code { get; } = code;

    public string AwsMessage { get; } = message;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary><c>Sender</c> (our request is wrong) or <c>Receiver</c> (SQS failed), when SQS said.</summary>
    public string? ErrorType { get; } = errorType;

    public string? RequestId { get; } = requestId;

    public bool IsTransient =>
        TransientCodes.Contains(Code)
        || string.Equals(ErrorType, "Receiver", StringComparison.Ordinal)
        || StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (int?)StatusCode >= 500
        || StatusCode is null; // not reached at all: network failure or time-out
}
