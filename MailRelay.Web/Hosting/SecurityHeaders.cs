using MailRelay.Web.Auth;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Hosting;

/// <summary>
/// Security headers on every response. The policy is what Blazor Server and Radzen need and no
/// more: scripts only from this origin, inline styles (Radzen sets style attributes), the
/// circuit's WebSocket to this origin, and forms that may post only here or to the sign-in issuer
/// (sign-out posts, then redirects to the issuer's logout endpoint).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<SignInOptions> signIn)
{
    private readonly string _policy = BuildPolicy(signIn.Value);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }

    public static string BuildPolicy(SignInOptions signIn)
    {
        var formTargets = new List<string> { "'self'" };
        if (signIn.IsOidc)
        {
            formTargets.AddRange(new[] { signIn.Oidc.Authority, signIn.Oidc.LogoutUrl }
                .Where(u => Uri.TryCreate(u, UriKind.Absolute, out _))
                .Select(u => new Uri(u!).GetLeftPart(UriPartial.Authority))
                .Distinct());
        }
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {string.Join(' ', formTargets)}",
            "frame-ancestors 'none'");
    }
}
