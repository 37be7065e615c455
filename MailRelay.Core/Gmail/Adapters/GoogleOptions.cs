
namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// The Google OAuth client and the Google endpoints (<c>Google</c> section). Every URL is
/// configurable so tests can point them at an in-process fake Google.
/// </summary>
public sealed class GoogleOptions
{
    public const string SectionName = "Google";

    /// <summary>The value of <c>MailboxDelivery:Provider</c> that selects Gmail import.</summary>
    public const string GmailProvider = "Gmail";

    /// <summary>The OAuth client id of the Google Cloud project.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret; keep it out of appsettings in production.</summary>
    public string? ClientSecret { get; set; }

    public string AuthorizationUrl { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";

    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";

    public string RevokeUrl { get; set; } = "https://oauth2.googleapis.com/revoke";

    /// <summary>
    /// Where Google sends the user back after consent; register it with the OAuth client. Empty:
    /// derived from the request that starts the flow (<c>{scheme}://{host}/api/token/callback</c>),
    /// which is right unless a proxy rewrites the host.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>Google's signing keys (JWKS) for verifying the id_token of a consent.</summary>
    public string CertificatesUrl { get; set; } = "https://www.googleapis.com/oauth2/v3/certs";

    /// <summary>The id_token's issuer; Google also uses it without the scheme, and both are accepted.</summary>
    public string IdTokenIssuer { get; set; } = "https://accounts.google.com";

    /// <summary>The Gmail API root; the import URL is <c>{GmailApiBaseUrl}/upload/gmail/v1/users/me/messages/import</c>.</summary>
    public string GmailApiBaseUrl { get; set; } = "https://gmail.googleapis.com";

    /// <summary>
    /// How long Google keeps a refresh token alive: 7 days while the app is in "Testing" status.
    /// Empty means unknown (a published app's tokens do not expire on a schedule).
    /// </summary>
    public TimeSpan? RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one call to Google (token refresh, one upload request) may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
