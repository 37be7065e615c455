namespace MailRelay.Core.Gmail;

/// <summary>How a user's Gmail connection looks to them: what the banners and the status card show.</summary>
public enum GmailState
{
    /// <summary>No grant is stored (never connected, or disconnected). Mail for Gmail waits.</summary>
    NotConnected,
    Connected,
    /// <summary>Connected, but the refresh token expires within <c>GmailStatusReader.ExpiringSoonWindow</c>.</summary>
    ExpiringSoon,
    /// <summary>The refresh token passed its expiry or Google answered invalid_grant; the user must reconnect.</summary>
    Expired,
    /// <summary>The grant was revoked at Google; the user must reconnect.</summary>
    Revoked,
    /// <summary>Refreshes fail transiently; retried automatically (see <see cref="GmailStatusView.FailureCount"/>).</summary>
    Failing,
    /// <summary>Disabled after repeated failures; the user must reconnect.</summary>
    Disabled,
}
