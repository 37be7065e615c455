using MailRelay.Core.Ports;
using MailRelay.Core.Services.Forwarding;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>Endpoints about the caller; each acts only on the caller's own user.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/users/me", async (HttpContext http, IRelayStore store) =>
                await store.FindUserAsync(http.User.UserId(), http.RequestAborted) is { } user
                    ? Results.Ok(CurrentUser.Of(user))
                    : Results.Problem("Your user record was not found; sign in again.", statusCode: StatusCodes.Status404NotFound))
            .Produces<CurrentUser>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Me").WithSummary("The caller's own user record.");
        // "Process my queue": the caller's waiting mail is made due and the forwarding job asked to run.
        api.MapPost("/queue/deliver", async (HttpContext http, DeliverNow deliverNow) =>
                new DeliveriesMadeDue(await deliverNow.AskedByAsync(http.User.UserId(), http.User.UserId(), http.RequestAborted)))
            .WithTags("Me").WithSummary("Makes the caller's waiting mail due now and asks forwarding to run.");
        return api;
    }
}
