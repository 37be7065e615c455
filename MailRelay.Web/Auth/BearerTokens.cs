using System.Security.Claims;
using MailRelay.Core.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace MailRelay.Web.Auth;

/// <summary>
/// Bearer tokens for <c>/api</c> from the same OIDC issuer as the browser sign-in: signature,
/// issuer, lifetime, and an audience that is our client (id tokens carry it in <c>aud</c>, Cognito
/// access tokens in <c>client_id</c>). The subject is the MailRelay user id, as for the cookie.
/// </summary>
public static class BearerTokens
{
    public static void Configure(JwtBearerOptions options, OidcSignInOptions oidc)
    {
        options.Authority = oidc.Authority;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            AudienceValidator = (audiences, token, _) => audiences.Contains(oidc.ClientId) || ClientIdOf(token) == oidc.ClientId,
            NameClaimType = "email",
            RoleClaimType = ClaimTypes.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var identity = (ClaimsIdentity)context.Principal!.Identity!;
                if (identity.FindFirst("sub") is { } sub) identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub.Value));
                if (identity.FindAll(oidc.GroupsClaim).Any(g => g.Value == oidc.AdminGroup)) identity.AddClaim(new Claim(ClaimTypes.Role, RoleNames.Admin));
                return Task.CompletedTask;
            },
        };
    }

    private static string? ClientIdOf(SecurityToken token) =>
        token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt && jwt.TryGetPayloadValue<string>("client_id", out var clientId) ? clientId : null;
}
