namespace MailRelay.Web.Auth;

/// <summary>Names of the authentication schemes and authorization policies.</summary>
public static class AuthSchemes
{
    public const string Cookie = "Cookies";
    public const string Oidc = "oidc";
    public const string Bearer = "Bearer";
    public const string CookieOrBearer = "CookieOrBearer";
    public const string AdminPolicy = "admin";

    /// <summary>
    /// A request that authenticates with a bearer token, not the cookie: the one test that both picks the
    /// scheme and exempts the request from antiforgery, so the two can never disagree.
    /// </summary>
    public static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
