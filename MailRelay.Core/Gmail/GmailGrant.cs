namespace MailRelay.Core.Gmail;

/// <summary>
/// What Google granted at the end of a consent: the account, the refresh token (if any), the
/// scopes and when the token will stop working. A class, not a record, so printing or logging it
/// never shows the token.
/// </summary>
public sealed class GmailGrant(string gmailAddress, string? refreshToken, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt)
{
    public string GmailAddress { get; } = gmailAddress;

    /// <summary>Never log or store it in clear.</summary>
    public string? RefreshToken { get; } = refreshToken;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public override string ToString() => $"GmailGrant({GmailAddress}, {(RefreshToken is null ? "no refresh token" : "refresh token")}, {string.Join(' ', Scopes)})";
}
