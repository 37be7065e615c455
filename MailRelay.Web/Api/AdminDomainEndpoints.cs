using MailRelay.Core.Audit;
using MailRelay.Core.Domains;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Api.OpenApi;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>The DNS page's domains under <c>/api/admin/domains</c>: list, add, remove (audited by <see cref="DomainAdmin"/>) and "Check now".</summary>
public static class AdminDomainEndpoints
{
    public static RouteGroupBuilder MapAdminDomainEndpoints(this RouteGroupBuilder admin)
    {
        var domains = admin.MapGroup("/domains").WithTags("DNS");
        domains.MapGet("", ListAsync)
            .Produces<DomainListing>()
            .WithSummary("The domains on the DNS page, the configured ones not on it, and each one's last check.");
        domains.MapPost("", AddAsync)
            .DocumentsJsonBody<DomainRequest>().Audits(AuditActions.DomainAdd)
            .Produces<MailDomain>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adds a domain to the DNS page; 409 when it is already there.");
        domains.MapDelete("/{name}", RemoveAsync)
            .Audits(AuditActions.DomainRemove)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes a domain: its records are no longer listed or checked and its MTA-STS policy no longer served. DNS itself is not changed.");
        domains.MapPost("/check", (DnsChecker checker, HttpContext http) => checker.CheckAllAsync(http.RequestAborted))
            .Produces<IReadOnlyList<DomainCheckReport>>()
            .WithSummary("\"Check now\": looks up every listed domain's records and says for each whether it is right.");
        domains.MapPost("/{name}/check", CheckAsync)
            .Produces<DomainCheckReport>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("\"Check now\" for one listed domain.");
        return admin;
    }

    private static async Task<DomainListing> ListAsync(DomainAdmin domainAdmin, HttpContext http)
    {
        var domains = await domainAdmin.ListAsync(http.RequestAborted);
        var checks = await domainAdmin.LastChecksAsync(http.RequestAborted);
        return new DomainListing(domains, await domainAdmin.SuggestedAsync(http.RequestAborted),
            domains.Select(d => checks.GetValueOrDefault(d.Name)).OfType<DomainCheckReport>().ToList());
    }

    private static async Task<IResult> AddAsync(DomainAdmin domainAdmin, HttpContext http)
    {
        var request = await JsonBody.ReadAsync<DomainRequest>(http);
        if (request is null) return ApiResults.ValidationProblem("name", "Send the domain as JSON: name.", NotAdded);
        var result = await domainAdmin.AddAsync(http.User.UserId(), request.Name, http.RequestAborted);
        return result.IsSuccess
            ? Results.Created($"/api/admin/domains/{result.Value.Name}", result.Value)
            : ApiResults.Problem(result.Failure, NotAdded, field: "name");
    }

    private static async Task<IResult> RemoveAsync(string name, DomainAdmin domainAdmin, HttpContext http)
    {
        var result = await domainAdmin.RemoveAsync(http.User.UserId(), name, http.RequestAborted);
        return result.IsSuccess ? Results.NoContent() : ApiResults.NotListed(result.Failure);
    }

    private static async Task<IResult> CheckAsync(string name, DnsChecker checker, HttpContext http)
    {
        var result = await checker.CheckListedAsync(name, http.RequestAborted);
        return result.IsSuccess ? Results.Ok(result.Value) : ApiResults.NotListed(result.Failure);
    }

    private const string NotAdded = "The domain was not added.";
}
