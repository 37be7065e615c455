namespace MailRelay.Tests.Fakes;

/// <summary>
/// How the fake's consent page answers one request. <see cref="Email"/> null means "the account
/// the request names" (<c>fake_account</c>, then <c>login_hint</c>, then
/// <see cref="FakeGoogle.DefaultConsentAccount"/>).
/// </summary>
public sealed record FakeConsent(
    string? Email = null,
    bool Denied = false,
    bool OmitRefreshToken = false,
    IReadOnlyList<string>? GrantedScopes = null,
    string? IdTokenAudience = null,
    bool ForgedIdToken = false)
{
    /// <summary>Approves at once, as a user who clicks Allow.</summary>
    public static FakeConsent Approve(string? email = null) => new(email);

    /// <summary>The user clicks Cancel: <c>error=access_denied</c>.</summary>
    public static FakeConsent Deny() => new(Denied: true);

    /// <summary>Approves, but the token answer carries no refresh token.</summary>
    public static FakeConsent WithoutRefreshToken(string? email = null) => new(email, OmitRefreshToken: true);

    /// <summary>Approves, but the id_token is signed with a key the certificates endpoint does not serve.</summary>
    public static FakeConsent WithForgedIdToken(string? email = null) => new(email, ForgedIdToken: true);

    /// <summary>Approves, but the id_token is meant for another OAuth client.</summary>
    public static FakeConsent WithIdTokenFor(string audience, string? email = null) => new(email, IdTokenAudience: audience);

    /// <summary>Approves only these scopes (the user unticked the others).</summary>
    public static FakeConsent WithScopes(IReadOnlyList<string> scopes, string? email = null) => new(email, GrantedScopes: scopes);
}
