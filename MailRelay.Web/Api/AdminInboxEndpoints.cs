using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Inbound;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>
/// Inbox items intake cannot read, under <c>/api/admin/inbox/stuck</c>: list them, release one (intake
/// reads it again without its envelope) or delete it; both audited, the actor is always the caller.
/// <c>{name}</c> is a plain file name of the inbox, never a path: anything else is refused with 400.
/// </summary>
public static class AdminInboxEndpoints
{
    public static RouteGroupBuilder MapAdminInboxEndpoints(this RouteGroupBuilder admin)
    {
        var stuck = admin.MapGroup("/inbox/stuck").WithTags("Inbox");
        stuck.MapGet("", (StuckInbox inbox, HttpContext http) => inbox.ListAsync(http.RequestAborted))
            .Produces<IReadOnlyList<StuckInboxItem>>()
            .WithSummary("Inbox items intake cannot read, each with the reason, oldest first.");
        stuck.MapPost("/{name}/release", (string name, StuckInbox inbox, HttpContext http) =>
                ActAsync("released", () => inbox.ReleaseAsync(http.User.UserId(), name, http.RequestAborted)))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sets the item's envelope aside so intake stores it and routes it by its headers (audited).")
            .Audits(AuditActions.InboxRelease);
        stuck.MapDelete("/{name}", (string name, StuckInbox inbox, HttpContext http) =>
                ActAsync("deleted", () => inbox.DeleteAsync(http.User.UserId(), name, http.RequestAborted)))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes the item and its envelope for good (audited).")
            .Audits(AuditActions.InboxDelete);
        return admin;
    }

    /// <summary>400 for a name that is not a plain inbox file name, 404 for one that is not stuck, both titled by what did not happen.</summary>
    private static async Task<IResult> ActAsync(string done, Func<Task<Result>> action)
    {
        var result = await action();
        var title = $"The inbox item was not {done}.";
        return result.IsSuccess ? Results.NoContent() : ApiResults.Problem(result.Failure, title, notFoundTitle: title);
    }
}
