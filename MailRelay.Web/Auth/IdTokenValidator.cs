using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MailRelay.Web.Auth;

/// <summary>
/// Validates an id_token as OIDC Core §3.1.3.7 asks: signature against the issuer's JWKS, issuer,
/// audience, expiry, and the nonce this sign-in sent. Throws <see cref="OidcSignInException"/>.
/// </summary>
public static class IdTokenValidator
{
    public static async Task<ClaimsIdentity> ValidateAsync(string? idToken, OpenIdConnectConfiguration discovery, string clientId, string? expectedNonce, TimeProvider time)
    {
        if (string.IsNullOrEmpty(idToken)) throw new OidcSignInException("token", "The issuer returned no id_token.");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.Issuer,
            ValidAudience = clientId,
            IssuerSigningKeys = discovery.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                expires is { } e && e.ToUniversalTime() + parameters.ClockSkew > time.GetUtcNow().UtcDateTime
                && (notBefore is not { } nb || nb.ToUniversalTime() - parameters.ClockSkew <= time.GetUtcNow().UtcDateTime),
        });
        if (!result.IsValid) throw new OidcSignInException(ReasonOf(result.Exception), "The id_token was refused.");
        var claims = result.ClaimsIdentity;
        if (expectedNonce is null || claims.FindFirst("nonce")?.Value != expectedNonce)
            throw new OidcSignInException("nonce", "The id_token's nonce does not match this sign-in.");
        if (claims.FindFirst("sub") is null) throw new OidcSignInException("claims", "The id_token has no subject.");
        return claims;
    }

    private static string ReasonOf(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => "expired",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "signature",
        _ => "token",
    };
}
