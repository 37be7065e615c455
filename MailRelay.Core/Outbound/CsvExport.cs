using System.Globalization;
using CsvHelper;
using MailRelay.Core.Audit;

namespace MailRelay.Core.Outbound;

/// <summary>
/// Writes the audit log and the usage reports as CSV (RFC 4180, invariant culture, UTC times),
/// record by record to the writer so a long export is streamed, never held in memory.
/// </summary>
public static class CsvExport
{
    // Subjects, targets and details come from outside (mail headers, form input): a field that starts
    // like a formula is escaped so a spreadsheet shows it instead of running it.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static readonly string[] AuditHeader = ["sequence", "at", "who", "action", "target", "detail", "correlation_id"];

    public static readonly string[] UsageHeader = ["kind", "day", "id", "received", "delivered", "queued", "failed", "sends", "deliveries", "bounces", "complaints"];

    public static async Task WriteAuditAsync(IAsyncEnumerable<AuditEntry> entries, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        await csv.WriteRecordAsync(AuditHeader, cancellationToken);
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([Number(e.Sequence), e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.ActorId, e.Action, e.Target, e.Detail, e.CorrelationId], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    public static async Task WriteUsageAsync(IAsyncEnumerable<UsageRow> rows, IAsyncEnumerable<OutboundUsageRow> outbound, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        await csv.WriteRecordAsync(UsageHeader, cancellationToken);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(["inbound", Day(r.Day), r.UserId, Number(r.Received), Number(r.Delivered), Number(r.Queued), Number(r.Failed), null, null, null, null],
                cancellationToken);
        }
        await foreach (var r in outbound.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(["outbound", Day(r.Day), r.SmtpUserId, null, null, null, null, Number(r.Sends), Number(r.Deliveries), Number(r.Bounces), Number(r.Complaints)],
                cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
