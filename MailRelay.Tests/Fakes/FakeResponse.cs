using System.Text.Json;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// One scripted answer of the fake Google. <see cref="PassThrough"/> answers are handled as usual
/// (after <see cref="Delay"/>); any other answer is sent as it is instead.
/// </summary>
public sealed record FakeResponse(int Status, string? Body = null, TimeSpan? RetryAfter = null, TimeSpan Delay = default)
{
    /// <summary>Handle the request normally.</summary>
    public static FakeResponse Normal { get; } = new(200);

    public bool PassThrough => Status is >= 200 and < 300 && Body is null;

    /// <summary>Handle the request normally, but only after <paramref name="delay"/>.</summary>
    public static FakeResponse Delayed(TimeSpan delay) => new(200, Delay: delay);

    /// <summary>A Gmail API status with Google's error shape and the usual reason for it.</summary>
    public static FakeResponse WithStatus(int status) => status switch
    {
        >= 200 and < 300 => Normal,
        429 => RateLimited(null),
        _ => GmailError(status, $"Fake Google answers {status}.", status >= 500 ? "backendError" : "failedPrecondition"),
    };

    /// <summary>429 (or 403 <c>userRateLimitExceeded</c>) with an optional <c>Retry-After</c> in seconds.</summary>
    public static FakeResponse RateLimited(TimeSpan? retryAfter, int status = 429) =>
        GmailError(status, "User-rate limit exceeded.  Retry after a while.", status == 403 ? "userRateLimitExceeded" : "rateLimitExceeded") with { RetryAfter = retryAfter };

    /// <summary><c>{"error":{"code":…,"message":…,"errors":[{"message":…,"domain":"global","reason":…}],"status":…}}</c></summary>
    public static FakeResponse GmailError(int status, string message, string reason = "invalidArgument") =>
        new(status, JsonSerializer.Serialize(new
        {
            error = new
            {
                code = status,
                message,
                errors = new[] { new { message, domain = "global", reason } },
                status = StatusName(status),
            },
        }));

    /// <summary>What Google's token endpoint says for an expired or revoked refresh token.</summary>
    public static FakeResponse InvalidGrant() =>
        TokenError(400, "invalid_grant", "Token has been expired or revoked.");

    /// <summary>An OAuth error body: <c>{"error":…,"error_description":…}</c>.</summary>
    public static FakeResponse TokenError(int status, string error, string description) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }));

    private static string StatusName(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        413 => "INVALID_ARGUMENT",
        429 => "RESOURCE_EXHAUSTED",
        503 => "UNAVAILABLE",
        _ when status >= 500 => "INTERNAL",
        _ => "FAILED_PRECONDITION",
    };
}
