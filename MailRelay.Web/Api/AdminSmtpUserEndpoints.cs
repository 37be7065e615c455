using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
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
            .DocumentsJsonBody<SmtpUserRequest>().Audits(AuditActions.SmtpUserCreate)
            .Produces<SmtpUserDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Creates an SMTP user; provisioning starts at once.");
        smtp.MapDelete("/{id}", DeleteAsync).Audits(AuditActions.SmtpUserDelete)
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes the SMTP user: its keys, policies and IAM user, then the record.");
        smtp.MapPost("/{id}/reveal", RevealAsync).Audits(AuditActions.SmtpUserReveal)
            .Produces<SmtpCredentialsDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Shows the SMTP login and password (audited).");
        smtp.MapPost("/{id}/test-email", TestEmailAsync).Audits(AuditActions.SmtpUserTestEmail)
            .Produces<SmtpTestEmailResult>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Sends a test email with the SMTP user's own login to its owner; the answer is the SMTP server's (audited).");
        MapAction(smtp, "retry", "retried", "Provisions a failed SMTP user again.", (p, actor, id, token) => p.RetryAsync(actor, id, token))
            .Audits(AuditActions.SmtpUserRetry);
        MapAction(smtp, "rotate", "rotated", "Replaces the access key and password.", (p, actor, id, token) => p.RotateAsync(actor, id, token))
            .Audits(AuditActions.SmtpUserRotate);
        MapAction(smtp, "disable", "disabled", "Sets the access key inactive.", (p, actor, id, token) => p.DisableAsync(actor, id, token))
            .Audits(AuditActions.SmtpUserDisable);
        MapAction(smtp, "enable", "enabled", "Sets the access key active again.", (p, actor, id, token) => p.EnableAsync(actor, id, token))
            .Audits(AuditActions.SmtpUserEnable);
        return admin;
    }

    /// <summary><c>POST {id}/{verb}</c>: one state-machine action, answered with the record as it stored it, or 404 / 409 with the service's sentence.</summary>
    private static RouteHandlerBuilder MapAction(RouteGroupBuilder smtp, string verb, string done, string summary,
        Func<SmtpUserLifecycle, string, string, CancellationToken, Task<Result<SmtpUser>>> action) =>
        smtp.MapPost($"/{{id}}/{verb}", async (string id, SmtpUserLifecycle p, HttpContext http) =>
            {
                var result = await action(p, http.User.UserId(), id, http.RequestAborted);
                return result.IsSuccess ? Results.Ok(SmtpUserDto.Of(result.Value)) : ApiResults.Problem(result.Failure, $"The SMTP user was not {done}.");
            })
            .Produces<SmtpUserDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(summary);

    private static async Task<IResult> ListAsync(SmtpUserLookup smtp, HttpContext http, string? search = null, string? status = null, int skip = 0, int take = 50,
        string? after = null)
    {
        if (!ApiResults.TryParseStatus<SmtpUserStatus>(status, out var wanted, out var problem)) return problem;
        var page = await smtp.ListAsync(new SmtpUserQuery(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), wanted, skip, take, after), http.RequestAborted);
        return Results.Ok(new Page<SmtpUserDto>(page.Items.Select(SmtpUserDto.Of).ToList(), page.Skip, page.Take, page.Total, page.Next));
    }

    private static async Task<IResult> CreateAsync(SmtpProvisioning smtp, HttpContext http)
    {
        var request = await JsonBody.ReadAsync<SmtpUserRequest>(http);
        if (request is null)
            return Results.Problem("Send the SMTP user as JSON: name, ownerUserId and allowedFrom.", statusCode: StatusCodes.Status400BadRequest, title: "The SMTP user was not created.");
        var result = await smtp.CreateAsync(http.User.UserId(), request.Name ?? "", request.OwnerUserId ?? "", request.AllowedFrom ?? [], http.RequestAborted);
        return result.IsSuccess
            ? Results.Created($"/api/admin/smtp-users/{result.Value.Id}", SmtpUserDto.Of(result.Value))
            : ApiResults.Problem(result.Failure, "The SMTP user was not created.");
    }

    private static async Task<IResult> DeleteAsync(string id, SmtpUserLifecycle smtp, HttpContext http)
    {
        var result = await smtp.DeleteAsync(http.User.UserId(), id, http.RequestAborted);
        return result.IsSuccess ? Results.Accepted() : ApiResults.Problem(result.Failure, "The SMTP user was not deleted.");
    }

    private static async Task<IResult> RevealAsync(string id, SmtpCredentialsReveal smtp, HttpContext http)
    {
        var result = await smtp.RevealAsync(http.User.UserId(), id, http.RequestAborted);
        return result.IsSuccess ? Results.Ok(SmtpCredentialsDto.Of(result.Value)) : ApiResults.Problem(result.Failure, "No credentials to show.");
    }

    /// <summary>Refused before sending (state, owner, allowed addresses) is a 409; a send the server refused is its answer, 200.</summary>
    private static async Task<IResult> TestEmailAsync(string id, SmtpTestEmail testEmail, HttpContext http)
    {
        var result = await testEmail.SendAsync(http.User.UserId(), id, http.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : ApiResults.Problem(result.Failure, "No test email was sent.");
    }
}
