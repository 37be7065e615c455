using MailRelay.Core;
using MailRelay.Core.Configuration;
using MailRelay.Core.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MailRelay.Web.Auth;

public static class AuthRegistration
{
    /// <summary>Cookie sessions for the browser, plus OpenID Connect sign-in and bearer tokens when SignIn:Provider is Oidc.</summary>
    public static IServiceCollection AddMailRelayAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortOptions<SignInOptions, SignInOptionsValidator>(SignInOptions.SectionName);
        // Read now because the set of authentication schemes is fixed when the host is built;
        // the same values are validated at start by SignInOptionsValidator.
        var signIn = configuration.Section<SignInOptions>(SignInOptions.SectionName);

        var authentication = services.AddAuthentication(signIn.IsOidc ? AuthSchemes.CookieOrBearer : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, ConfigureCookie);
        if (signIn.IsOidc)
        {
            // API clients send the issuer's tokens as bearer tokens; browsers keep the cookie session.
            authentication.AddPolicyScheme(AuthSchemes.CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                AuthSchemes.IsBearerRequest(context.Request) ? AuthSchemes.Bearer : AuthSchemes.Cookie);
            authentication.AddJwtBearer(AuthSchemes.Bearer, o => BearerTokens.Configure(o, signIn.Oidc));
            authentication.AddOpenIdConnect(AuthSchemes.Oidc, "Sign in", o => ConfigureOidc(o, signIn.Oidc));
            services.AddScoped<OidcSignInEvents>();
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(RoleNames.Admin));
        services.AddCascadingAuthenticationState();
        services.AddHostedService<DevelopmentUserSeeder>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "MailRelay.Session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = "/account/signin";
        cookie.AccessDeniedPath = "/account/denied";
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.Events = new CookieAuthenticationEvents
        {
            // API clients get status codes, browsers get the sign-in page; a signed-in user without
            // the right role gets 403 on pages and API alike (never a redirect that hides it).
            OnRedirectToLogin = ApiOrRedirect,
            OnRedirectToAccessDenied = ForbiddenPage.WriteAsync,
        };
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        // API clients get 401. A browser navigating to an /api URL (Google's redirect back to the
        // OAuth callback after the session expired) asks for HTML and is sent to sign in instead.
        var browserNavigation = context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (context.Request.Path.StartsWithSegments("/api") && !browserNavigation)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcSignInOptions settings)
    {
        // Discovery ({Authority}/.well-known/openid-configuration) gives the endpoints and the
        // JWKS; the id_token's signature, issuer, audience (our client id), expiry and nonce are
        // checked by the handler before OidcSignInEvents makes the MailRelay user.
        o.Authority = settings.Authority;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.ClientId = settings.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        o.BackchannelHttpHandler = new ClientSecretBasicHandler(new HttpClientHandler());
        o.ResponseType = OpenIdConnectResponseType.Code;
        // Cognito answers the authorize request only with query parameters; a top-level GET back
        // also carries the SameSite=Lax correlation and nonce cookies, which a cross-site form post would not.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.CallbackPath = "/signin-oidc";
        o.SignInScheme = AuthSchemes.Cookie;
        // Claims keep their issuer names (sub, email, cognito:groups): OidcSignInEvents reads them by those names.
        o.MapInboundClaims = false;
        o.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        // AccountEndpoints signs out and sends the browser to the issuer itself (Cognito's logout
        // URL has its own parameters), and no issuer of ours calls front-channel logout: without
        // these, any link to /signout-oidc could end a session.
        o.RemoteSignOutPath = default;
        o.SignedOutCallbackPath = default;
        o.EventsType = typeof(OidcSignInEvents);
    }
}
