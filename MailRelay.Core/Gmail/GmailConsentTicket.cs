
namespace MailRelay.Core.Gmail;

/// <summary>
/// A consent flow's secrets while it runs: the state sent to Google, the PKCE verifier kept back,
/// and the redirect URI both legs must name. Not a record, so it never prints the verifier.
/// </summary>
public sealed class GmailConsentTicket(string state, string codeVerifier, string redirectUri)
{
    public string State { get; } = state;

    public string CodeVerifier { get; } = codeVerifier;

    public string RedirectUri { get; } = redirectUri;

    public override string ToString() => $"GmailConsentTicket({RedirectUri})";
}
