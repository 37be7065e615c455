using MailRelay.Core.Audit;
using MailRelay.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MailRelay.Web.Auth;

/// <summary>Sign-in and sign-out: the only endpoints that change who the caller is.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();
        // Both are mapped whatever the provider (options are only read per request, after start-up
        // validation); each answers 404 unless its provider is the configured one.
        account.MapGet("/login", OidcChallenge);
        account.MapPost("/dev-signin", DevelopmentSignIn);
        account.MapPost("/signout", SignOut).RequireAuthorization();
        return app;
    }

    private static IResult OidcChallenge(string? returnUrl, string? login_hint, IOptions<SignInOptions> options)
    {
        if (!options.Value.IsOidc) return Results.NotFound();
        var properties = new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) };
        if (!string.IsNullOrEmpty(login_hint)) properties.SetParameter(OpenIdConnectParameterNames.LoginHint, login_hint);
        return Results.Challenge(properties, [AuthSchemes.Oidc]);
    }

    private static async Task<IResult> DevelopmentSignIn([FromForm] string user, [FromForm] string? returnUrl, UserSignIn userSignIn, HttpContext http, IOptions<SignInOptions> options)
    {
        if (options.Value.IsOidc) return Results.NotFound();
        var seed = DevelopmentUsers.Find(user);
        if (seed is null) return Results.Redirect("/account/signin?error=unknown-user");
        var record = await userSignIn.RecordAsync(seed.Id, seed.Email, seed.DisplayName, seed.Roles, http.RequestAborted);
        await http.SignInAsync(AuthSchemes.Cookie, new(PrincipalFactory.Create(record, "Development")));
        return Results.LocalRedirect(LocalOnly(returnUrl));
    }

    private static async Task<IResult> SignOut(HttpContext http, AuditLog audit, IOptions<SignInOptions> options, IOptionsMonitor<OpenIdConnectOptions> oidcHandler)
    {
        // The antiforgery token was checked before this runs (CookieAntiforgery).
        await audit.RecordAsync(http.User.UserId(), AuditActions.SignOut, http.User.UserId(), null, http.RequestAborted);
        await http.SignOutAsync(AuthSchemes.Cookie);
        var signedOut = $"{http.Request.Scheme}://{http.Request.Host}/account/signed-out";
        if (!options.Value.IsOidc) return Results.LocalRedirect("/account/signed-out");
        var oidc = options.Value.Oidc;
        if (!string.IsNullOrEmpty(oidc.LogoutUrl))
            return Results.Redirect(QueryString(oidc.LogoutUrl, ("client_id", oidc.ClientId!), ("logout_uri", signedOut)));
        // The handler's own discovery reader: the document is fetched once and cached.
        var discovery = await oidcHandler.Get(AuthSchemes.Oidc).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        return string.IsNullOrEmpty(discovery.EndSessionEndpoint)
            ? Results.LocalRedirect("/account/signed-out")
            : Results.Redirect(QueryString(discovery.EndSessionEndpoint, ("client_id", oidc.ClientId!), ("post_logout_redirect_uri", signedOut)));
    }

    private static string QueryString(string url, params (string Key, string Value)[] parameters) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, parameters.ToDictionary(p => p.Key, p => (string?)p.Value));

    /// <summary>Only same-site paths, so a crafted link cannot bounce a fresh session elsewhere.</summary>
    public static string LocalOnly(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
