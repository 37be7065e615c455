using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Core.Services.SmtpCredentials;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Api.OpenApi;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>
/// SMTP users for admins under <c>/api/admin/smtp-users</c>. Lists never carry a secret; only
/// <c>POST {id}/reveal</c> returns the password, and it is audited. <c>POST {id}/retry|rotate|disable|enable</c>
/// move the state machine (audited by the service). The actor is always the caller.
/// </summary>
public static class AdminSmtpUserEndpoints
{
    public static RouteGroupBuilder MapAdminSmtpUserEndpoints(this RouteGroupBuilder admin)
    {
        var smtp = admin.MapGroup("/smtp-users").WithTags("SMTP users");
        smtp.MapGet("", ListAsync)
            .Produces<Page<SmtpUserDto>>().ProducesValidationProblem()
            .WithSummary("SMTP users, searched and paged; never a secret.");
        smtp.MapPost("", CreateAsync)
            .DocumentsJsonBody<SmtpUserRequest>()
            .Produces<SmtpUserDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Creates an SMTP user; provisioning starts at once.");
        smtp.MapDelete("/{id}", DeleteAsync)
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes the SMTP user: its keys, policies and IAM user, then the record.");
        smtp.MapPost("/{id}/reveal", RevealAsync)
            .Produces<SmtpCredentialsDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Shows the SMTP login and password (audited).");
        MapAction(smtp, "retry", "retried", "Provisions a failed SMTP user again.", (p, actor, id, token) => p.RetryAsync(actor, id, token));
        MapAction(smtp, "rotate", "rotated", "Replaces the access key and password.", (p, actor, id, token) => p.RotateAsync(actor, id, token));
        MapAction(smtp, "disable", "disabled", "Sets the access key inactive.", (p, actor, id, token) => p.DisableAsync(actor, id, token));
        MapAction(smtp, "enable", "enabled", "Sets the access key active again.", (p, actor, id, token) => p.EnableAsync(actor, id, token));
        return admin;
    }

    /// <summary><c>POST {id}/{verb}</c>: one state-machine action, answered with the record as it is now.</summary>
    private static void MapAction(RouteGroupBuilder smtp, string verb, string done, string summary,
        Func<SmtpProvisioning, string, string, CancellationToken, Task<string?>> action)
    {
        smtp.MapPost($"/{{id}}/{verb}", (string id, SmtpProvisioning p, IRelayStore store, HttpContext http) =>
                ActAsync(id, store, http, done, () => action(p, http.User.UserId(), id, http.RequestAborted)))
            .Produces<SmtpUserDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(summary);
    }

    /// <summary>One state-machine action: 404 for an unknown id, 409 ProblemDetails with the service's sentence when refused, else the record as it is now.</summary>
    private static async Task<IResult> ActAsync(string id, IRelayStore store, HttpContext http, string done, Func<Task<string?>> action)
    {
        if (await store.FindSmtpUserAsync(id, http.RequestAborted) is null) return NotFound();
        if (await action() is { } error)
            return Results.Problem(error, statusCode: StatusCodes.Status409Conflict, title: $"The SMTP user was not {done}.");
        return await store.FindSmtpUserAsync(id, http.RequestAborted) is { } user ? Results.Ok(SmtpUserDto.Of(user)) : NotFound();
    }

    private static async Task<IResult> ListAsync(SmtpProvisioning smtp, HttpContext http, string? search = null, string? status = null, int skip = 0, int take = 50)
    {
        SmtpUserStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<SmtpUserStatus>(status, true, out var parsed) || !Enum.IsDefined(parsed))
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<SmtpUserStatus>())}."],
                });
            wanted = parsed;
        }
        var page = await smtp.ListAsync(new SmtpUserQuery(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), wanted, skip, take), http.RequestAborted);
        return Results.Ok(new Page<SmtpUserDto>(page.Items.Select(SmtpUserDto.Of).ToList(), page.Skip, page.Take, page.Total));
    }

    private static async Task<IResult> CreateAsync(SmtpProvisioning smtp, HttpContext http)
    {
        // Read here rather than bound: a bound JSON body adds content-type matching, and a POST without
        // one would then fall through to another endpoint instead of getting the admin check and this answer.
        var request = await ReadAsync(http);
        if (request is null)
            return Results.Problem("Send the SMTP user as JSON: name, ownerUserId and allowedFrom.", statusCode: StatusCodes.Status400BadRequest, title: "The SMTP user was not created.");
        var result = await smtp.CreateAsync(http.User.UserId(), request.Name ?? "", request.OwnerUserId ?? "", request.AllowedFrom ?? [], http.RequestAborted);
        if (result.User is not { } user)
            return Results.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest, title: "The SMTP user was not created.");
        return Results.Created($"/api/admin/smtp-users/{user.Id}", SmtpUserDto.Of(user));
    }

    private static async Task<IResult> DeleteAsync(string id, SmtpProvisioning smtp, IRelayStore store, HttpContext http)
    {
        if (await store.FindSmtpUserAsync(id, http.RequestAborted) is null) return NotFound();
        var error = await smtp.DeleteAsync(http.User.UserId(), id, http.RequestAborted);
        return error is null
            ? Results.Accepted()
            : Results.Problem(error, statusCode: StatusCodes.Status409Conflict, title: "The SMTP user was not deleted.");
    }

    private static async Task<IResult> RevealAsync(string id, SmtpProvisioning smtp, IRelayStore store, HttpContext http)
    {
        if (await store.FindSmtpUserAsync(id, http.RequestAborted) is null) return NotFound();
        var credentials = await smtp.RevealAsync(http.User.UserId(), id, http.RequestAborted);
        if (credentials is null)
            return Results.Problem("This SMTP user has no credentials yet (or any more); wait until it is active.",
                statusCode: StatusCodes.Status409Conflict, title: "No credentials to show.");
        return Results.Ok(SmtpCredentialsDto.Of(credentials));
    }

    private static async Task<SmtpUserRequest?> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType()) return null;
        try
        {
            return await http.Request.ReadFromJsonAsync<SmtpUserRequest>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult NotFound() => Results.Problem("There is no such SMTP user.", statusCode: StatusCodes.Status404NotFound);
}
