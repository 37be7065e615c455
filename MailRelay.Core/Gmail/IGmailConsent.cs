using MailRelay.Core.Common;

namespace MailRelay.Core.Gmail;

/// <summary>
/// The mail provider's side of connecting a mailbox with OAuth: where to send the user, the code
/// exchange that yields the grant, and giving a grant back. Google: its consent page, token and
/// revocation endpoints. Only registered when Gmail delivery is configured.
/// </summary>
public interface IGmailConsent
{
    /// <summary>The provider's consent page (without parameters), which the browser is sent to.</summary>
    string ConsentPageUrl { get; }

    /// <summary>The redirect URI Google sends the user back to: the configured one, else the one derived from the request.</summary>
    string RedirectUriFor(string requestRedirectUri);

    /// <summary>The consent page for <paramref name="ticket"/>, offering <paramref name="loginHint"/> first when given.</summary>
    Uri BuildConsentUrl(GmailConsentTicket ticket, string? loginHint);

    /// <summary>
    /// Exchanges the callback's code (with the ticket's PKCE verifier) for the grant; Invalid when Google refuses the
    /// code or its id_token cannot be trusted, Unavailable when Google could not be reached. The sentence holds no secret.
    /// </summary>
    Task<Result<GmailGrant>> ExchangeAsync(GmailConsentTicket ticket, string code, CancellationToken cancellationToken);

    /// <summary>Revokes a refresh or access token; false when the provider could not be told.</summary>
    Task<bool> RevokeAsync(string token, CancellationToken cancellationToken);
}
