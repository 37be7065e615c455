using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MailRelay.Web.Auth;

/// <summary>Creates the discovery reader once the OAuth defaults (the back-channel client) are in place.</summary>
public sealed class OidcPostConfigure : IPostConfigureOptions<OidcOptions>
{
    public void PostConfigure(string? name, OidcOptions options)
    {
        if (options.ConfigurationManager is not null) return;
        var metadata = options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadata,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata });
    }
}
