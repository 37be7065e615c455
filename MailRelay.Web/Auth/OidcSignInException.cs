namespace MailRelay.Web.Auth;

/// <summary>A sign-in refused for a reason the error page can explain (<see cref="Reason"/>).</summary>
public sealed class OidcSignInException(string reason, string message) : Exception(message)
{
    /// <summary>One of: token, signature, audience, issuer, expired, nonce, claims.</summary>
    public string Reason { get; } = reason;
}
