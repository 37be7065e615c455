namespace MailRelay.Web.Auth;

/// <summary>The OIDC issuer MailRelay trusts (<c>SignIn:Oidc</c> section).</summary>
public sealed class OidcSignInOptions
{
    /// <summary>The issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.
    /// Cognito: <c>https://cognito-idp.{region}.amazonaws.com/{userPoolId}</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (PKCE alone); Cognito app clients with a secret need it.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The client is confidential, so start-up refuses an empty <see cref="ClientSecret"/> instead of
    /// failing at the first sign-in. The AWS profile sets it: its Cognito app client has a secret.
    /// </summary>
    public bool RequireClientSecret { get; set; }

    /// <summary>Members of this group (in <see cref="GroupsClaim"/>) are MailRelay admins.</summary>
    public string AdminGroup { get; set; } = "mailrelay-admins";

    public string GroupsClaim { get; set; } = "cognito:groups";

    public string Scopes { get; set; } = "openid email profile";

    /// <summary>Cognito has no <c>end_session_endpoint</c> in discovery: set its hosted-UI logout URL
    /// (<c>https://{domain}/logout</c>) here. When empty, the discovery document's endpoint is used if any.</summary>
    public string? LogoutUrl { get; set; }

    /// <summary>Only for tests against a local issuer on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
