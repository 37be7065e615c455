using MailRelay.Core.Domains;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Api;

/// <summary>The DNS page's zone-file download, under <c>/api/admin/dns</c>.</summary>
public static class AdminDnsEndpoints
{
    public static RouteGroupBuilder MapAdminDnsEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGroup("/dns").WithTags("DNS").MapGet("/zone", ZoneAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The DNS records of one listed domain, or of all, as a BIND zone-file snippet.");
        return admin;
    }

    /// <summary>The records of one domain (<c>?domain=</c>) or of every listed domain, as a BIND snippet.</summary>
    private static async Task<IResult> ZoneAsync(DomainAdmin domains, RecordPlanner planner, IOptions<DnsOptions> options, HttpContext http, string? domain = null)
    {
        var listed = (await domains.ListAsync(http.RequestAborted)).Select(d => d.Name).ToList();
        if (!string.IsNullOrWhiteSpace(domain))
        {
            var name = DomainName.Normalize(domain).Value;
            if (name is null || !listed.Contains(name))
                return ApiResults.NotListed(DomainAdmin.NotListed(domain));
            listed = [name];
        }
        var zone = ZoneFile.Build(listed.SelectMany(planner.For), options.Value.RecordTtl);
        var fileName = listed.Count == 1 ? $"{listed[0]}.zone" : "mailrelay-dns.zone";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(zone), "text/plain; charset=utf-8", fileName);
    }
}
