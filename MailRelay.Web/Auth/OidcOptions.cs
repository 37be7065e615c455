using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MailRelay.Web.Auth;

/// <summary>The OAuth handler's options plus what OIDC adds: discovery and the group that makes an admin.</summary>
public sealed class OidcOptions : OAuthOptions
{
    public string Authority { get; set; } = "";
    public bool RequireHttpsMetadata { get; set; } = true;
    public string AdminGroup { get; set; } = "";
    public string GroupsClaim { get; set; } = "";

    /// <summary>Reads and caches the discovery document and the JWKS (refreshed by the manager).</summary>
    public IConfigurationManager<OpenIdConnectConfiguration>? ConfigurationManager { get; set; }

    /// <summary>
    /// <see cref="OAuthOptions.Validate()"/> without its client-secret and endpoint checks: a public
    /// client has no secret (PKCE alone; <see cref="OidcHandler"/> sends one only when set), and the
    /// endpoints come from discovery. The base check failed every request of a public client.
    /// </summary>
    public override void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ClientId);
        ArgumentException.ThrowIfNullOrEmpty(Authority);
        if (!CallbackPath.HasValue) throw new ArgumentException("The 'CallbackPath' option must be provided.", nameof(CallbackPath));
    }
}
