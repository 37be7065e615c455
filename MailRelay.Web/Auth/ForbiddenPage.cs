using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MailRelay.Web.Auth;

/// <summary>The 403 answer for a signed-in user who lacks the role: a short page, or nothing for the API.</summary>
public static class ForbiddenPage
{
    private const string Html = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" type="image/svg+xml" href="/favicon.svg"><title>Not allowed · MailRelay</title></head>
        <body style="font-family:sans-serif;margin:3rem"><h1>You do not have access to this page</h1>
        <p>It is for MailRelay administrators. If you need access, ask an admin to add you to the admin group.</p>
        <p><a href="/">Back to your dashboard</a></p></body></html>
        """;

    public static async Task WriteAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (context.Request.Path.StartsWithSegments("/api")) return;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Html, context.HttpContext.RequestAborted);
    }
}
