namespace MailRelay.Core.Gmail;

public enum GmailConnectionStatus
{
    Connected,
    /// <summary>The refresh token passed its expiry or Google answered invalid_grant.</summary>
    Expired,
    /// <summary>The user or Google revoked the grant.</summary>
    Revoked,
    /// <summary>Refreshes keep failing transiently; retried automatically.</summary>
    Failing,
    /// <summary>Disabled after repeated failures; the user must reconnect.</summary>
    Disabled,
}
