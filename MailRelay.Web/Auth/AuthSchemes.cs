namespace MailRelay.Web.Auth;

/// <summary>Names of the authentication schemes and authorization policies.</summary>
public static class AuthSchemes
{
    public const string Cookie = "Cookies";
    public const string Oidc = "oidc";
    public const string Bearer = "Bearer";
    public const string CookieOrBearer = "CookieOrBearer";
    public const string AdminPolicy = "admin";
}
