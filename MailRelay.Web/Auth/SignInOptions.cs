using MailRelay.Core.Configuration;

namespace MailRelay.Web.Auth;

/// <summary>How people sign in (<c>SignIn</c> section).</summary>
public sealed class SignInOptions : IPortOptions
{
    public const string SectionName = "SignIn";
    public const string DevelopmentProvider = "Development";
    public const string OidcProvider = "Oidc";

    public string PortName => SectionName;

    /// <summary>Development (default): pick a seeded user, refused in Production. Oidc: Cognito or any OIDC issuer.</summary>
    public string Provider { get; set; } = DevelopmentProvider;

    public OidcSignInOptions Oidc { get; set; } = new();

    public bool IsOidc => string.Equals(Provider, OidcProvider, StringComparison.OrdinalIgnoreCase);
}
