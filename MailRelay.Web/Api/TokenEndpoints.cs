using MailRelay.Core.Adapters.Google;
using MailRelay.Core.Domain;
using MailRelay.Core.Services.Gmail;
using MailRelay.Web.Auth;
using MailRelay.Web.Gmail;

namespace MailRelay.Web.Api;

/// <summary>
/// The caller's own Gmail token: status, renewal (consent URL), the OAuth callback, disconnect.
/// The user is always the principal's, whichever scheme authenticated it; nothing here takes a
/// user id from the route, the query or the body.
/// </summary>
public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/token/status", (HttpContext http, GmailStatusReader status) => status.ReadAsync(http.User.UserId(), http.RequestAborted));
        api.MapPost("/token/renew", RenewAsync);
        api.MapGet("/token/callback", CallbackAsync);
        api.MapDelete("/token", DisconnectAsync);
        return api;
    }

    private static async Task<IResult> RenewAsync(HttpContext http, GoogleConnectFlow flow)
    {
        var consentUrl = await flow.StartAsync(http.User.UserId(), GmailCallbackPaths.RedirectUriFor(http.Request), http.RequestAborted);
        return consentUrl is null
            ? NotConfigured()
            : Results.Ok(new { consentUrl = consentUrl.ToString() });
    }

    /// <summary>Google's redirect after consent; always ends on My Gmail with the outcome's sentence.</summary>
    private static async Task<IResult> CallbackAsync(HttpContext http, GoogleConnectFlow flow, string? state, string? code, string? error)
    {
        var outcome = await flow.CompleteAsync(http.User.UserId(), state, code, error, http.RequestAborted);
        return Results.Redirect(GmailCallbackPaths.ResultUrl(outcome));
    }

    private static async Task<IResult> DisconnectAsync(HttpContext http, GoogleConnectFlow flow)
    {
        var outcome = await flow.DisconnectAsync(http.User.UserId(), http.RequestAborted);
        return outcome == GmailDisconnectOutcome.NotConnected
            ? Results.Problem("Gmail is not connected, so there is nothing to disconnect.", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(new { outcome, revokedAtGoogle = outcome == GmailDisconnectOutcome.Disconnected });
    }

    private static IResult NotConfigured() =>
        Results.Problem("Gmail delivery is not configured on this MailRelay (MailboxDelivery:Provider is not Gmail), so there is no Google consent to start.",
            statusCode: StatusCodes.Status409Conflict, title: "Gmail is not available");
}
