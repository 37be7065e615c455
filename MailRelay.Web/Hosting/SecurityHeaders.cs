using MailRelay.Core.Gmail;
using MailRelay.Web.Auth;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Hosting;

/// <summary>
/// Security headers on every response. The policy is what Blazor Server and MudBlazor need
/// and no more: scripts only from this origin (our JS modules are files under wwwroot/js), inline
/// styles (MudBlazor sets style attributes and its theme provider writes a style element), the
/// circuit's WebSocket to this origin, and forms that may post only here, to the sign-in issuer
/// (sign-out posts, then redirects to the issuer's logout endpoint) and, with Gmail delivery, to
/// Google's consent page (Connect Gmail posts, then redirects there; form-action covers redirects).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<SignInOptions> signIn, GmailConnectFlow gmail)
{
    private readonly string _policy = BuildPolicy(signIn.Value, gmail.ConsentPageUrl);

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

    public static string BuildPolicy(SignInOptions signIn, string? googleConsentUrl = null)
    {
        var formTargets = new List<string> { "'self'" };
        var elsewhere = signIn.IsOidc ? new List<string?> { signIn.Oidc.Authority, signIn.Oidc.LogoutUrl } : [];
        elsewhere.Add(googleConsentUrl);
        formTargets.AddRange(elsewhere
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out _))
            .Select(u => new Uri(u!).GetLeftPart(UriPartial.Authority))
            .Distinct());
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
