using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Users;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>
/// The Users page for admins: the overview it shows and its own action, delivering one user's
/// waiting mail now. (Adding a route or SMTP credentials for a user are the Routes and SMTP users endpoints.)
/// </summary>
public static class AdminUserEndpoints
{
    public static RouteGroupBuilder MapAdminUserEndpoints(this RouteGroupBuilder admin)
    {
        var users = admin.MapGroup("/users").WithTags("Users");
        users.MapGet("/overview", (UserOverview overview, HttpContext http, string? search = null, int skip = 0, int take = 25) =>
                overview.ListAsync(new UserOverviewQuery(search, skip, take), http.RequestAborted))
            .Produces<Page<UserSummary>>()
            .WithSummary("Every user with their Gmail connection, the addresses routed to them, their SMTP credentials and waiting mail; searched and paged.");
        users.MapPost("/{userId}/queue/deliver", DeliverNowAsync)
            .Audits(AuditActions.QueueDeliverNow)
            .Produces<DeliveriesMadeDue>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Makes the user's waiting mail due now and asks forwarding to run (the Users page's \"Deliver now\").");
        return admin;
    }

    private static async Task<IResult> DeliverNowAsync(string userId, UserDirectory directory, DeliverNow deliverNow, HttpContext http)
    {
        if (await directory.FindAsync(userId, http.RequestAborted) is null)
            return ApiResults.Problem(Failure.NotFound("There is no such user."), notFoundTitle: "Nothing was delivered.");
        return Results.Ok(new DeliveriesMadeDue(await deliverNow.AskedByAsync(http.User.UserId(), userId, http.RequestAborted)));
    }
}
