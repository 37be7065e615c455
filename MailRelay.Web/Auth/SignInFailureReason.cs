using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MailRelay.Web.Auth;

/// <summary>
/// The reason code for a refused OIDC sign-in that the error page explains (<c>/account/error?reason=…</c>)
/// and an admin can quote: signature, audience, issuer, expired, nonce, denied, or failed for anything else.
/// </summary>
public static class SignInFailureReason
{
    public static string Of(Exception? failure, bool issuerAnsweredError) => failure switch
    {
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "signature",
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => "expired",
        OpenIdConnectProtocolInvalidNonceException => "nonce",
        // The issuer redirected back with error=… (the user cancelled, or the issuer refused them).
        _ when issuerAnsweredError => "denied",
        _ => "failed",
    };
}
