using MailRelay.Core.Domains;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Hosting;

/// <summary>
/// Serves the MTA-STS policy (RFC 8461) at <c>/.well-known/mta-sts.txt</c>, anonymously, but only
/// when asked on the policy host <c>mta-sts.&lt;domain&gt;</c> of a domain MailRelay handles;
/// any other host gets 404, so the app's own host never pretends to have a policy.
/// </summary>
public static class MtaStsEndpoint
{
    public const string Path = "/.well-known/mta-sts.txt";
    private const string HostPrefix = "mta-sts.";

    public static IEndpointRouteBuilder MapMtaStsPolicy(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ServeAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, DomainAdmin domains, IOptions<DnsOptions> options)
    {
        var host = http.Request.Host.Host.TrimEnd('.').ToLowerInvariant();
        if (!host.StartsWith(HostPrefix, StringComparison.Ordinal)) return Results.NotFound();
        var domain = host[HostPrefix.Length..];
        if (!await domains.ServesMtaStsForAsync(domain, http.RequestAborted)) return Results.NotFound();
        return Results.Text(MtaStsPolicy.Text(options.Value), "text/plain; charset=utf-8");
    }
}
