using MailRelay.Core.Common;
using MailRelay.Core.Notifications;

namespace MailRelay.Web.Api;

/// <summary>The Outbox page (the emails the local notification sender wrote) under <c>/api/admin/outbox</c>; read-only.</summary>
public static class AdminOutboxEndpoints
{
    public static RouteGroupBuilder MapAdminOutboxEndpoints(this RouteGroupBuilder admin)
    {
        var outbox = admin.MapGroup("/outbox").WithTags("Outbox");
        outbox.MapGet("", (OutboxView outbox, HttpContext http, int skip = 0, int take = 25) =>
                outbox.ListAsync(skip, take, http.RequestAborted))
            .Produces<Page<OutboxEntry>>()
            .WithSummary("The emails in the pickup folder, newest first, paged.");
        outbox.MapGet("/{fileName}", async (string fileName, OutboxView outbox, HttpContext http) =>
                await outbox.ReadAsync(fileName, http.RequestAborted) is { } email
                    ? Results.Ok(email)
                    : Results.Problem($"There is no email {fileName} in the outbox.", statusCode: StatusCodes.Status404NotFound))
            .Produces<OutboxEmail>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One email of the pickup folder, with its text and HTML bodies.");
        return admin;
    }
}
