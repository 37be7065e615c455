using MailRelay.Core.Gmail;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Gmail;

/// <summary>
/// <c>POST /gmail/connect</c>: the Connect, Renew and Reconnect buttons are forms posting here
/// (with the antiforgery token), and the answer is the redirect to Google's consent page. A form,
/// not a link, so a page elsewhere cannot start flows for a signed-in user, and the browser
/// leaves the live circuit for Google with a real navigation.
/// </summary>
public static class GmailConnectEndpoints
{
    public const string Path = "/gmail/connect";

    public static IEndpointRouteBuilder MapGmailConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ConnectAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ConnectAsync(HttpContext http, GmailConnectFlow flow)
    {
        // The antiforgery token was checked before this runs (CookieAntiforgery).
        var consentUrl = await flow.StartAsync(http.User.UserId(), GmailCallbackPaths.RedirectUriFor(http.Request), http.RequestAborted);
        return consentUrl is null
            ? Results.LocalRedirect(GmailCallbackPaths.ResultUrl(GmailConnectOutcome.NotConfigured))
            : Results.Redirect(consentUrl.ToString());
    }
}
