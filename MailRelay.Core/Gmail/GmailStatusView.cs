namespace MailRelay.Core.Gmail;

/// <summary>
/// Everything a user may see about their own Gmail connection and their mail's progress: the
/// status card, the banners and <c>GET /api/token/status</c> all show this one view.
/// </summary>
public sealed record GmailStatusView(
    GmailState State,
    string? GmailAddress,
    string? Scopes,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? ExpiresAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int FailureCount,
    int Queued,
    int Delivering,
    int Failed,
    DateTimeOffset? OldestWaitingSince,
    TimeSpan? OldestWaitingAge,
    IReadOnlyList<GmailRenewal> Renewals,
    RenewalProgress? Progress,
    DateTimeOffset ReadAt)
{
    /// <summary>The user has to go through Google's consent again before Gmail gets any mail.</summary>
    public bool NeedsReconnect => State is GmailState.Expired or GmailState.Revoked or GmailState.Disabled;

    public bool IsConnected => State is not GmailState.NotConnected;
}
