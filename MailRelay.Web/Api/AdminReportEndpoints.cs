using System.Text;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Outbound;
using MailRelay.Web.Api.Contracts;

namespace MailRelay.Web.Api;

/// <summary>
/// The audit log and the usage report for admins, as JSON pages and as CSV downloads of the whole
/// filtered set (streamed). Read-only: the audit log has no update or delete endpoint, by design.
/// </summary>
public static class AdminReportEndpoints
{
    public static RouteGroupBuilder MapAdminReportEndpoints(this RouteGroupBuilder admin)
    {
        var audit = admin.MapGroup("").WithTags("Audit log");
        audit.MapGet("/audit", ListAuditAsync)
            .Produces<Page<AuditEntry>>().ProducesValidationProblem()
            .WithSummary("Audit entries, newest first, filtered by user, action and time, paged.");
        audit.MapGet("/audit.csv", ExportAuditAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem()
            .WithSummary("Every audit entry of the filter as CSV.");
        var usage = admin.MapGroup("").WithTags("Usage");
        usage.MapGet("/usage", ListUsageAsync)
            .Produces<UsageReportPage>().ProducesValidationProblem()
            .WithSummary("Inbound and outbound usage per day over a range of days (default: the last 30), paged.");
        usage.MapGet("/usage.csv", ExportUsageAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem()
            .WithSummary("The usage report of the range as CSV.");
        return admin;
    }

    private static async Task<IResult> ListAuditAsync(AuditLog audit, HttpContext http, string? user = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int skip = 0, int take = 50, string? after = null)
    {
        var filter = AuditFilterOf(user, action, from, to);
        return filter.Problem() is { } problem
            ? Invalid("from", problem)
            : Results.Ok(await audit.ListAsync(filter, new PageRequest(skip, take, after), http.RequestAborted));
    }

    private static async Task<IResult> ExportAuditAsync(AuditLog audit, HttpContext http, string? user = null, string? action = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var filter = AuditFilterOf(user, action, from, to);
        if (filter.Problem() is { } problem) return Invalid("from", problem);
        return new CsvResult($"mailrelay-audit-{Stamp(http)}.csv",
            (writer, token) => CsvExport.WriteAuditAsync(audit.ExportAsync(filter, token), writer, token));
    }

    private static async Task<IResult> ListUsageAsync(UsageReport usage, HttpContext http, DateOnly? from = null, DateOnly? to = null,
        int skip = 0, int take = 50, string? after = null, string? outboundAfter = null)
    {
        var range = usage.RangeOf(from, to);
        if (range.Problem() is { } problem) return Invalid("from", problem);
        var inbound = await usage.ListInboundAsync(range, new PageRequest(skip, take, after), http.RequestAborted);
        var outbound = await usage.ListOutboundAsync(range, new PageRequest(skip, take, outboundAfter), http.RequestAborted);
        return Results.Ok(new UsageReportPage(range.From, range.To, inbound, outbound));
    }

    private static IResult ExportUsageAsync(UsageReport usage, HttpContext http, DateOnly? from = null, DateOnly? to = null)
    {
        var range = usage.RangeOf(from, to);
        if (range.Problem() is { } problem) return Invalid("from", problem);
        return new CsvResult($"mailrelay-usage-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv",
            (writer, token) => usage.ExportAsync(range, writer, token));
    }

    private static AuditFilter AuditFilterOf(string? user, string? action, DateTimeOffset? from, DateTimeOffset? to) =>
        new(string.IsNullOrWhiteSpace(user) ? null : user.Trim(), string.IsNullOrWhiteSpace(action) ? null : action.Trim(), from, to);

    private static IResult Invalid(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] });

    private static string Stamp(HttpContext http) =>
        http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the CSV straight into the response body as it is produced.</summary>
    private sealed class CsvResult(string fileName, Func<TextWriter, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            httpContext.Response.Headers.CacheControl = "no-store";
            await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
            await write(writer, httpContext.RequestAborted);
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
