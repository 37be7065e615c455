using MailRelay.Core.Configuration;
using MailRelay.Web.Hosting;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Auth;

public sealed class SignInOptionsValidator(IHostEnvironment environment) : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        var unknown = ProviderChoice.UnknownProvider(SignInOptions.SectionName, options.Provider, SignInOptions.DevelopmentProvider, SignInOptions.OidcProvider);
        if (unknown is not null) return ProviderChoice.ToResult(unknown);
        if (!options.IsOidc)
        {
            // The AWS profile is a production deployment too.
            return ProviderChoice.ToResult(environment.IsProduction() || environment.IsEnvironment(MailRelayEnvironments.Aws)
                ? $"SignIn:Provider is Development, which anyone could use to sign in as an admin, so it is refused when ASPNETCORE_ENVIRONMENT is {environment.EnvironmentName}: set SignIn:Provider to Oidc with SignIn:Oidc:Authority and SignIn:Oidc:ClientId."
                : null);
        }
        const string when = "SignIn:Provider is Oidc";
        var oidc = options.Oidc;
        return ProviderChoice.ToResult(
            ProviderChoice.Required("SignIn:Oidc:Authority", oidc.Authority, when)
                ?? ProviderChoice.AbsoluteHttpUrl("SignIn:Oidc:Authority", oidc.Authority)
                ?? PlainHttpAuthority(oidc),
            ProviderChoice.Required("SignIn:Oidc:ClientId", oidc.ClientId, when),
            oidc.RequireClientSecret ? ProviderChoice.Required("SignIn:Oidc:ClientSecret", oidc.ClientSecret, "SignIn:Oidc:RequireClientSecret is true") : null,
            ProviderChoice.Required("SignIn:Oidc:AdminGroup", oidc.AdminGroup, when),
            ProviderChoice.Required("SignIn:Oidc:GroupsClaim", oidc.GroupsClaim, when),
            oidc.LogoutUrl is { Length: > 0 } ? ProviderChoice.AbsoluteHttpUrl("SignIn:Oidc:LogoutUrl", oidc.LogoutUrl) : null);
    }

    /// <summary>
    /// The OpenID Connect handler refuses an http discovery address unless RequireHttpsMetadata is
    /// off, by throwing when its options are built, which every request does (each one is asked
    /// whether it is the sign-in callback): say so at start instead of answering 500 to everything.
    /// </summary>
    private static string? PlainHttpAuthority(OidcSignInOptions oidc) =>
        oidc.RequireHttpsMetadata && !oidc.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? $"SignIn:Oidc:Authority must be an https URL (it is '{oidc.Authority}'); only a local test issuer may use http, with SignIn:Oidc:RequireHttpsMetadata set to false."
            : null;
}
