using MailRelay.Core.Ports;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>Endpoints about the caller; each acts only on the caller's own user.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/users/me", async (HttpContext http, IRelayStore store) =>
            await store.FindUserAsync(http.User.UserId(), http.RequestAborted) is { } user
                ? Results.Ok(new { user.Id, user.Email, user.DisplayName, user.Roles, user.CreatedAt, user.LastSignInAt })
                : Results.Problem("Your user record was not found; sign in again.", statusCode: StatusCodes.Status404NotFound));
        return api;
    }
}
