using System.Net;
using System.Text.Json;
using MailRelay.Core.Forwarding;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>What Gmail answered to an import, reduced to what the error classes need.</summary>
internal sealed record GmailAnswer(HttpStatusCode Status, string? MessageId, string? ErrorMessage, string? ErrorReason, TimeSpan? RetryAfter)
{
    private static readonly string[] RateLimitReasons = ["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"];

    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized;

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public static async Task<GmailAnswer> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var retryAfter = ReadRetryAfter(response, time);
        if (response.IsSuccessStatusCode)
            return new GmailAnswer(response.StatusCode, ReadString(body, "id"), null, null, retryAfter);
        var (message, reason) = ReadError(body);
        return new GmailAnswer(response.StatusCode, null, message ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", reason, retryAfter);
    }

    /// <summary>The error classes of ARCHITECTURE.md. A 401 is handled by the caller before this.</summary>
    public MailboxDeliveryResult ToResult()
    {
        var code = (int)Status;
        var described = $"Gmail answered {code}{(ErrorReason is null ? "" : $" {ErrorReason}")}: {ErrorMessage}";
        return code switch
        {
            >= 200 and < 300 => MailboxDeliveryResult.Delivered(MessageId ?? ""),
            401 => MailboxDeliveryResult.TokenError(described),
            403 when RateLimitReasons.Contains(ErrorReason) => MailboxDeliveryResult.Transient(described, RetryAfter),
            // The grant lacks the Gmail scope: only reconnecting with consent to it helps.
            403 when ErrorReason is "insufficientPermissions" => MailboxDeliveryResult.TokenError(described),
            408 or 429 or >= 500 => MailboxDeliveryResult.Transient(described, RetryAfter),
            _ => MailboxDeliveryResult.Refused(described),
        };
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero;
        return null;
    }

    /// <summary>Google's error shape: <c>{"error":{"code":400,"message":"…","errors":[{"reason":"…"}],"status":"…"}}</c>.</summary>
    private static (string? Message, string? Reason) ReadError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("error", out var error)) return (null, null);
            if (error.ValueKind == JsonValueKind.String) return (error.GetString(), null);
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            string? reason = null;
            if (error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("reason", out var r))
                reason = r.GetString();
            else if (error.TryGetProperty("status", out var s))
                reason = s.GetString();
            return (message, reason);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty(property, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
