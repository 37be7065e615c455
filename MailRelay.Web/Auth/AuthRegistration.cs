using MailRelay.Core;
using MailRelay.Core.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Auth;

public static class AuthRegistration
{
    /// <summary>Cookie sessions for the browser, plus the OIDC handler when SignIn:Provider is Oidc.</summary>
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
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.Bearer : AuthSchemes.Cookie);
            authentication.AddJwtBearer(AuthSchemes.Bearer, o => BearerTokens.Configure(o, signIn.Oidc));
            authentication.AddOAuth<OidcOptions, OidcHandler>(AuthSchemes.Oidc, "Sign in", o => ConfigureOidc(o, signIn.Oidc));
            // Post-configures run in registration order: this one needs the back-channel HttpClient
            // that AddOAuth's own post-configure creates, so it must be registered after AddOAuth.
            services.AddSingleton<IPostConfigureOptions<OidcOptions>, OidcPostConfigure>();
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

    private static void ConfigureOidc(OidcOptions o, OidcSignInOptions settings)
    {
        o.Authority = settings.Authority ?? "";
        o.ClientId = settings.ClientId ?? "";
        o.ClientSecret = settings.ClientSecret ?? "";
        o.AdminGroup = settings.AdminGroup;
        o.GroupsClaim = settings.GroupsClaim;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        // Not used: OidcHandler takes both endpoints from discovery. The OAuth base class insists on values.
        o.AuthorizationEndpoint = o.Authority;
        o.TokenEndpoint = o.Authority;
        o.CallbackPath = "/signin-oidc";
        o.UsePkce = true;
        o.SignInScheme = AuthSchemes.Cookie;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        o.Events.OnRemoteFailure = context =>
        {
            var reason = context.Failure as OidcSignInException ?? context.Failure?.InnerException as OidcSignInException;
            var error = context.Request.Query["error"].ToString();
            var code = reason?.Reason ?? (error.Length > 0 ? "denied" : "failed");
            context.Response.Redirect($"/account/error?reason={Uri.EscapeDataString(code)}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
