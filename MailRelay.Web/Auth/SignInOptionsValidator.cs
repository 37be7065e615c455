using MailRelay.Core.Options;
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
                ?? ProviderChoice.AbsoluteHttpUrl("SignIn:Oidc:Authority", oidc.Authority),
            ProviderChoice.Required("SignIn:Oidc:ClientId", oidc.ClientId, when),
            oidc.RequireClientSecret ? ProviderChoice.Required("SignIn:Oidc:ClientSecret", oidc.ClientSecret, "SignIn:Oidc:RequireClientSecret is true") : null,
            ProviderChoice.Required("SignIn:Oidc:AdminGroup", oidc.AdminGroup, when),
            ProviderChoice.Required("SignIn:Oidc:GroupsClaim", oidc.GroupsClaim, when),
            oidc.LogoutUrl is { Length: > 0 } ? ProviderChoice.AbsoluteHttpUrl("SignIn:Oidc:LogoutUrl", oidc.LogoutUrl) : null);
    }
}
