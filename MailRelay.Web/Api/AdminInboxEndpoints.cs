using MailRelay.Core.Ports;
using MailRelay.Core.Services;
using MailRelay.Core.Services.Intake;
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
                ActAsync(name, "released", () => inbox.ReleaseAsync(http.User.UserId(), name, http.RequestAborted)))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sets the item's envelope aside so intake stores it and routes it by its headers (audited).")
            .Audits(AuditActions.InboxRelease);
        stuck.MapDelete("/{name}", (string name, StuckInbox inbox, HttpContext http) =>
                ActAsync(name, "deleted", () => inbox.DeleteAsync(http.User.UserId(), name, http.RequestAborted)))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes the item and its envelope for good (audited).")
            .Audits(AuditActions.InboxDelete);
        return admin;
    }

    private static async Task<IResult> ActAsync(string name, string done, Func<Task<string?>> action)
    {
        if (!InboxItemName.IsPlain(name))
            return Results.Problem($"'{name}' is not the name of an inbox file: a plain file name ending in .eml, without a path.",
                statusCode: StatusCodes.Status400BadRequest, title: $"The inbox item was not {done}.");
        if (await action() is { } error)
            return Results.Problem(error, statusCode: StatusCodes.Status404NotFound, title: $"The inbox item was not {done}.");
        return Results.NoContent();
    }
}
