namespace MailRelay.Core.Gmail;

/// <summary>
/// A consent flow a user started and has not finished: kept server-side, keyed by a hash of the
/// OAuth <c>state</c>, bound to the user, single-use and short-lived. The PKCE verifier is held
/// encrypted (through <c>ISecretProtector</c>, with the state hash as the record id).
/// </summary>
public sealed record GmailConsentRequest(
    string StateHash,
    string UserId,
    string ProtectedCodeVerifier,
    string RedirectUri,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
