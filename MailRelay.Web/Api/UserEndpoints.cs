using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Queues;
using MailRelay.Core.Users;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>Endpoints about the caller; each acts only on the caller's own user.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/users/me", async (HttpContext http, UserDirectory users) =>
                await users.FindAsync(http.User.UserId(), http.RequestAborted) is { } user
                    ? Results.Ok(CurrentUser.Of(user))
                    : Results.Problem("Your user record was not found; sign in again.", statusCode: StatusCodes.Status404NotFound))
            .Produces<CurrentUser>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Me").WithSummary("The caller's own user record.");
        // "Process my queue": the caller's waiting mail is made due and the forwarding job asked to run.
        api.MapPost("/queue/deliver", async (HttpContext http, DeliverNow deliverNow) =>
                new DeliveriesMadeDue(await deliverNow.AskedByAsync(http.User.UserId(), http.User.UserId(), http.RequestAborted)))
            .Audits(AuditActions.QueueDeliverNow)
            .WithTags("Me").WithSummary("Makes the caller's waiting mail due now and asks forwarding to run.");
        api.MapGet("/queue", ListMineAsync)
            .Produces<Page<MessageListItem>>().ProducesValidationProblem()
            .WithTags("Me").WithSummary("The caller's mail (My queue), newest first, filtered by delivery status, paged; only the caller's own deliveries.");
        return api;
    }

    /// <summary>Messages with a delivery to the caller, each showing only the caller's deliveries, as My queue does.</summary>
    private static async Task<IResult> ListMineAsync(QueueView queues, HttpContext http, string? status = null, int skip = 0, int take = 50,
        string? after = null)
    {
        if (!ApiResults.TryParseStatus<DeliveryStatus>(status, out var wanted, out var problem)) return problem;
        // The user is always the caller: a cursor only says where to continue (and one made for someone else is refused).
        return Results.Ok(await queues.ListMineAsync(http.User.UserId(), wanted, new PageRequest(skip, take, after), http.RequestAborted));
    }
}
