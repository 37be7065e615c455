using MailRelay.Core.Audit;
using MailRelay.Core.Gmail;
using MailRelay.Web.Api.Contracts;
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
        var token = api.MapGroup("/token").WithTags("Gmail connection");
        token.MapGet("/status", (HttpContext http, GmailStatusReader status) => status.ReadAsync(http.User.UserId(), http.RequestAborted))
            .WithSummary("The caller's Gmail connection, queue and renewal history.");
        token.MapPost("/renew", RenewAsync)
            .Produces<ConsentStart>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Starts a Google consent to connect or renew Gmail; send the user to consentUrl.");
        token.MapGet("/callback", CallbackAsync).Audits(AuditActions.GmailConnect, AuditActions.GmailRenew)
            .Produces(StatusCodes.Status302Found)
            .WithSummary("Google's redirect after consent (the OAuth redirect URI); ends on My Gmail with the outcome.");
        token.MapDelete("", DisconnectAsync).Audits(AuditActions.GmailDisconnect)
            .Produces<GmailDisconnected>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revokes and deletes the caller's Gmail token; their mail then waits.");
        return api;
    }

    private static async Task<IResult> RenewAsync(HttpContext http, GmailConnectFlow flow)
    {
        var consentUrl = await flow.StartAsync(http.User.UserId(), GmailCallbackPaths.RedirectUriFor(http.Request), http.RequestAborted);
        return consentUrl is null
            ? NotConfigured()
            : Results.Ok(new ConsentStart(consentUrl.ToString()));
    }

    /// <summary>Google's redirect after consent; always ends on My Gmail with the outcome's sentence.</summary>
    private static async Task<IResult> CallbackAsync(HttpContext http, GmailConnectFlow flow, string? state, string? code, string? error)
    {
        var outcome = await flow.CompleteAsync(http.User.UserId(), state, code, error, http.RequestAborted);
        return Results.Redirect(GmailCallbackPaths.ResultUrl(outcome));
    }

    private static async Task<IResult> DisconnectAsync(HttpContext http, GmailConnectFlow flow)
    {
        var outcome = await flow.DisconnectAsync(http.User.UserId(), http.RequestAborted);
        return outcome == GmailDisconnectOutcome.NotConnected
            ? Results.Problem("Gmail is not connected, so there is nothing to disconnect.", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(new GmailDisconnected(outcome, outcome == GmailDisconnectOutcome.Disconnected));
    }

    private static IResult NotConfigured() =>
        Results.Problem("Gmail delivery is not configured on this MailRelay (MailboxDelivery:Provider is not Gmail), so there is no Google consent to start.",
            statusCode: StatusCodes.Status409Conflict, title: "Gmail is not available");
}
