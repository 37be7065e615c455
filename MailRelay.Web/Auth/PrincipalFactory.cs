using System.Security.Claims;
using MailRelay.Core.Users;

namespace MailRelay.Web.Auth;

/// <summary>The one shape of a signed-in MailRelay principal, whichever provider vouched for it.</summary>
public static class PrincipalFactory
{
    public static ClaimsIdentity Create(AppUser user, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        foreach (var role in user.Roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return identity;
    }

    /// <summary>The caller's user id. Services take it from here, never from a route or form value.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The principal has no user id; is the endpoint missing RequireAuthorization?");
}
