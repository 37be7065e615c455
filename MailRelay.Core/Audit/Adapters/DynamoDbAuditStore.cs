using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Audit.Adapters;

/// <summary>
/// The audit log, one partition per month: PK AUDIT#yyyy-MM, SK the zero-padded sequence from the
/// audit counter, so the months newest first, each queried in reverse, are the log newest first.
/// AUDITMONTHS/MONTH#yyyy-MM lists the months that have entries. Entries are only ever put with
/// attribute_not_exists: never replaced. The unfiltered page reads the months it needs up to
/// skip + take entries, and its total is the audit counter (the numbers handed out), so neither grows
/// with the log. The audit page's filters: who and action are a FilterExpression, the time range picks
/// the months, so a filtered page reads them (below BeforeSequence, or from a cursor) until it has
/// take + 1 matches, and its total is not counted (-1) until the last page. Actors are kept as AUDITACTORS/ACTOR#id items, put
/// (idempotently) before each entry.
/// </summary>
public sealed class DynamoDbAuditStore(DynamoDbTable table) : IAuditStore
{
    private const string MonthsPartition = "AUDITMONTHS";

    internal static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<AuditEntry> AppendAuditAsync(NewAuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The actor and month first: a crash in between leaves them with no entry yet, never an entry the filter or the listing misses.
        await PutAuditActorAsync(entry.ActorId, cancellationToken);
        var month = Month(at);
        await table.PutIfAsync(MonthItem(month), null, cancellationToken);
        var sequence = await table.NextNumberAsync("audit", cancellationToken);
        var item = AuditItem(sequence, entry, at);
        if (!await table.PutNewAsync(item, cancellationToken))
            throw new InvalidOperationException($"Audit sequence {sequence} is taken: the audit counter was reset.");
        return ReadAudit(item);
    }

    internal static Item MonthItem(string month) => NewItem(MonthsPartition, "MONTH#" + month).Also("Month", S(month));

    internal static Item AuditItem(long sequence, NewAuditEntry entry, DateTimeOffset at) => NewItem("AUDIT#" + Month(at), Padded(sequence))
        .Also("Sequence", N(sequence)).Also("At", T(at)).Also("ActorId", S(entry.ActorId))
        .Also("Action", S(entry.Action)).Also("Target", S(Clip(entry.Target)!))
        .With("Detail", Clip(entry.Detail)).With("CorrelationId", entry.CorrelationId);

    /// <summary>The unfiltered audit page: the same query as the audit page's filters, with none set.</summary>
    public Task<Page<AuditEntry>> ListAuditAsync(PageRequest page, CancellationToken cancellationToken) =>
        ListAuditAsync(AuditFilter.All, page, cancellationToken);

    private static AuditEntry ReadAudit(Item item) => new(
        item.Num("Sequence"), item.Time("At"), item.Str("ActorId"), item.Str("Action"), item.Str("Target"),
        item.OptStr("Detail"), item.OptStr("CorrelationId"));

    private const string AuditActorsPartition = "AUDITACTORS";

    /// <summary>
    /// From the cursor (its month and below its sequence) or from the newest entry, the months newest first
    /// until take + 1 entries match (skip + take + 1 without a cursor). The total: the audit counter
    /// without a filter; with one it is not counted (-1) until the last page is read.
    /// </summary>
    public async Task<Page<AuditEntry>> ListAuditAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var position = AuditCursor.Position(filter, page);
        var (skip, take) = (position is null ? page.Skip : 0, page.Take);
        var months = await ListMonthsAsync(filter, cancellationToken);
        var reading = filter;
        if (position is { } p)
        {
            months = months.Where(m => string.CompareOrdinal(m, p.Month) <= 0).ToList();
            reading = filter with { BeforeSequence = Math.Min(p.Sequence, filter.BeforeSequence ?? long.MaxValue) };
        }
        var wanted = skip + take + 1;
        var items = new List<Item>();
        foreach (var month in months.TakeWhile(_ => items.Count < wanted))
            items.AddRange(await table.QueryAsync(AuditQuery(month, reading), cancellationToken, wanted - items.Count));
        var entries = items.Skip(skip).Select(ReadAudit).ToList();
        var next = entries.Count > take ? AuditCursor.After(filter, entries[take - 1]) : null;
        if (next is not null) entries.RemoveAt(take);
        var total = filter == AuditFilter.All
            ? (int)((await table.GetAsync("COUNTER#audit", "COUNTER", cancellationToken))?.Num("Value") ?? 0)
            : next is null ? page.Skip + entries.Count : Paging.UnknownTotal;
        return new Page<AuditEntry>(entries, page.Skip, take, total, next);
    }

    /// <summary>The months with entries, newest first, within the filter's time range.</summary>
    private async Task<List<string>> ListMonthsAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        (await table.QueryAsync(Partition(MonthsPartition, "MONTH#", newestFirst: true), cancellationToken)).Select(i => i.Str("Month"))
            .Where(m => (filter.From is not { } from || string.CompareOrdinal(m, Month(from)) >= 0) && (filter.To is not { } to || string.CompareOrdinal(m, Month(to)) <= 0))
            .ToList();

    public async Task<IReadOnlyList<string>> ListAuditActorsAsync(CancellationToken cancellationToken) =>
        (await table.QueryAsync(Partition(AuditActorsPartition, "ACTOR#"), cancellationToken)).Select(i => i.Str("ActorId")).ToList();

    /// <summary>Unconditional: the item only says "this actor appears", so writing it again changes nothing.</summary>
    private async Task PutAuditActorAsync(string actorId, CancellationToken cancellationToken) =>
        await table.PutIfAsync(NewItem(AuditActorsPartition, "ACTOR#" + actorId).Also("ActorId", S(actorId)), null, cancellationToken);

    private static QueryRequest AuditQuery(string month, AuditFilter filter)
    {
        var values = new Dictionary<string, AttributeValue> { [":pk"] = S("AUDIT#" + month) };
        var names = new Dictionary<string, string>();
        var conditions = new List<string>();
        void Add(string attribute, string op, string placeholder, AttributeValue value)
        {
            names["#" + attribute] = attribute;
            values[placeholder] = value;
            conditions.Add($"#{attribute} {op} {placeholder}");
        }
        if (!string.IsNullOrEmpty(filter.ActorId)) Add("ActorId", "=", ":actor", S(filter.ActorId));
        if (!string.IsNullOrEmpty(filter.Action)) Add("Action", "=", ":action", S(filter.Action));
        if (filter.From is { } from) Add("At", ">=", ":from", T(from));
        if (filter.To is { } to) Add("At", "<=", ":to", T(to));
        var key = "PK = :pk";
        if (filter.BeforeSequence is { } before)
        {
            key += " AND SK < :before";
            values[":before"] = S(Padded(before));
        }
        return new QueryRequest
        {
            KeyConditionExpression = key,
            FilterExpression = conditions.Count == 0 ? null : string.Join(" AND ", conditions),
            ExpressionAttributeNames = names.Count == 0 ? null : names,
            ExpressionAttributeValues = values,
            ScanIndexForward = false,
            ConsistentRead = true,
            // Limit counts items read before the filter: a small one would mean many round trips for a rare match.
            Limit = conditions.Count == 0 ? null : 1000,
        };
    }
}
