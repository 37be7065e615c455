namespace MailRelay.Core.Forwarding;

/// <summary>The error classes of ARCHITECTURE.md, as a result rather than an exception.</summary>
public enum MailboxDeliveryOutcome
{
    Delivered,
    /// <summary>invalid_grant, revoked or expired token, or no connection: queue, do not retry.</summary>
    PermanentTokenError,
    /// <summary>Timeout, 5xx, 429: retry, honouring <see cref="MailboxDeliveryResult.RetryAfter"/>.</summary>
    Transient,
    /// <summary>The message itself was refused (too large, invalid): fail with the reason.</summary>
    MessageError,
}
