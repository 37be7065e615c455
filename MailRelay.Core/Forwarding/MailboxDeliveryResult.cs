namespace MailRelay.Core.Forwarding;

public sealed record MailboxDeliveryResult(MailboxDeliveryOutcome Outcome, string? ExternalId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The failure was getting an access token from the user's refresh token (what escalation counts), not the import.</summary>
    public bool TokenRefreshFailed { get; init; }

    public static MailboxDeliveryResult Delivered(string externalId) => new(MailboxDeliveryOutcome.Delivered, externalId);
    public static MailboxDeliveryResult TokenError(string error) => new(MailboxDeliveryOutcome.PermanentTokenError, Error: error);
    public static MailboxDeliveryResult Transient(string error, TimeSpan? retryAfter = null) => new(MailboxDeliveryOutcome.Transient, Error: error, RetryAfter: retryAfter);
    public static MailboxDeliveryResult Refused(string error) => new(MailboxDeliveryOutcome.MessageError, Error: error);
}
