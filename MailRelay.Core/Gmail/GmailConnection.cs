namespace MailRelay.Core.Gmail;

/// <summary>
/// A user's grant to import into their Gmail. The refresh token is only ever held encrypted
/// (<see cref="ProtectedRefreshToken"/>, through <c>ISecretProtector</c>); access tokens are never stored.
/// </summary>
public sealed record GmailConnection(
    string UserId,
    string GmailAddress,
    string ProtectedRefreshToken,
    string Scopes,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    GmailConnectionStatus Status,
    int FailureCount,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>Whether deliveries should be attempted with this connection.</summary>
    public bool IsUsable => Status is GmailConnectionStatus.Connected or GmailConnectionStatus.Failing;
}
