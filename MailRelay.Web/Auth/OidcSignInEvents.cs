using System.Security.Claims;
using MailRelay.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MailRelay.Web.Auth;

/// <summary>
/// Where MailRelay steps into the OpenID Connect handler: the login hint on the way out, the
/// MailRelay user made from a validated id_token on the way back, and a friendly page (with a
/// reason code) instead of a 500 when the sign-in is refused.
/// </summary>
public sealed partial class OidcSignInEvents(UserSignIn userSignIn, IOptions<SignInOptions> signIn, ILogger<OidcSignInEvents> logger) : OpenIdConnectEvents
{
    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        // A parameter, not an item: it is for this redirect only and never travels in the state.
        var hint = context.Properties.GetParameter<string>(OpenIdConnectParameterNames.LoginHint);
        if (!string.IsNullOrEmpty(hint)) context.ProtocolMessage.LoginHint = hint;
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        // For an id_token from the token endpoint the handler also accepts an unsigned one (OIDC
        // Core 3.1.3.7 lets TLS vouch for it). We always required the issuer's signature, and
        // Cognito always signs, so an unsigned token here means something is wrong.
        if (string.IsNullOrEmpty(context.SecurityToken?.RawSignature))
            context.Fail(new SecurityTokenInvalidSignatureException("The id_token is not signed."));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs once every check has passed (the nonce and the subject are checked after
    /// <see cref="TokenValidated"/>), so only a real sign-in creates the user and its audit entry.
    /// </summary>
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        var claims = context.Principal!;
        var oidc = signIn.Value.Oidc;
        var email = claims.FindFirst("email")?.Value ?? "";
        var name = claims.FindFirst("name")?.Value ?? claims.FindFirst("cognito:username")?.Value ?? email;
        var isAdmin = claims.FindAll(oidc.GroupsClaim).Any(group => group.Value == oidc.AdminGroup);
        var user = await userSignIn.RecordAsync(claims.FindFirst("sub")!.Value, email, name, isAdmin ? [RoleNames.Admin] : [], context.HttpContext.RequestAborted);
        // The cookie keeps MailRelay's own principal, the same shape as the development sign-in's.
        context.Principal = new ClaimsPrincipal(PrincipalFactory.Create(user, context.Scheme.Name));
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        var reason = SignInFailureReason.Of(context.Failure, issuerAnsweredError: context.Request.Query.ContainsKey("error"));
        // Expected, not a fault of this server (a forged or misdirected token, a cancelled
        // sign-in), so a warning; the handler's own error lines for it are dropped (RefusedSignInLogFilter).
        LogRefused(logger, reason, context.Failure);
        context.Response.Redirect($"/account/error?reason={Uri.EscapeDataString(reason)}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OIDC sign-in refused, reason {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason, Exception? failure);
}
