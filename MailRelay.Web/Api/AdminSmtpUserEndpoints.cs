using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Core.Services.SmtpCredentials;
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
        var smtp = admin.MapGroup("/smtp-users");
        smtp.MapGet("", ListAsync);
        smtp.MapPost("", CreateAsync);
        smtp.MapDelete("/{id}", DeleteAsync);
        smtp.MapPost("/{id}/reveal", RevealAsync);
        smtp.MapPost("/{id}/retry", (string id, SmtpProvisioning p, IRelayStore store, HttpContext http) =>
            ActAsync(id, store, http, "retried", () => p.RetryAsync(http.User.UserId(), id, http.RequestAborted)));
        smtp.MapPost("/{id}/rotate", (string id, SmtpProvisioning p, IRelayStore store, HttpContext http) =>
            ActAsync(id, store, http, "rotated", () => p.RotateAsync(http.User.UserId(), id, http.RequestAborted)));
        smtp.MapPost("/{id}/disable", (string id, SmtpProvisioning p, IRelayStore store, HttpContext http) =>
            ActAsync(id, store, http, "disabled", () => p.DisableAsync(http.User.UserId(), id, http.RequestAborted)));
        smtp.MapPost("/{id}/enable", (string id, SmtpProvisioning p, IRelayStore store, HttpContext http) =>
            ActAsync(id, store, http, "enabled", () => p.EnableAsync(http.User.UserId(), id, http.RequestAborted)));
        return admin;
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
        return Results.Ok(new
        {
            userName = credentials.UserName,
            password = credentials.Password,
            host = credentials.Endpoint.Host,
            port = credentials.Endpoint.Port,
            security = "STARTTLS",
            tlsPort = credentials.Endpoint.IsSes ? SmtpEndpoint.TlsPort : (int?)null,
            region = credentials.Region,
            worksWithSes = credentials.WorksWithSes,
        });
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

/// <summary>The body of <c>POST /api/admin/smtp-users</c>.</summary>
public sealed record SmtpUserRequest(string? Name, string? OwnerUserId, IReadOnlyList<string>? AllowedFrom);

/// <summary>An SMTP user without its secret or lease details.</summary>
public sealed record SmtpUserDto(
    string Id, string Name, string OwnerUserId, IReadOnlyList<string> AllowedFrom, string Status, string? AccessKeyId,
    int Attempts, string? LastError, IReadOnlyList<SmtpUserError> ErrorHistory, DateTimeOffset CreatedAt, DateTimeOffset? LastRotatedAt)
{
    public static SmtpUserDto Of(SmtpUser user) => new(user.Id, user.Name, user.OwnerUserId, user.AllowedFrom, user.Status.ToString(), user.AccessKeyId,
        user.Attempts, user.LastError, user.ErrorHistory, user.CreatedAt, user.LastRotatedAt);
}
