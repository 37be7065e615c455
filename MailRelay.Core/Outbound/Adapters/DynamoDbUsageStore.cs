using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Forwarding.Adapters.DynamoDbDeliveryItems;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Outbound.Adapters;

/// <summary>
/// Usage per user (or credential) and day, computed when asked from items ordered by time, so
/// nothing has to be counted again when a delivery changes status:
/// inbound reads the RECEIVED#yyyy-MM pointers (one per delivery, SK receivedAt#deliveryId, written
/// by AddMessage) of the range's months and the pointed deliveries and messages (BatchGetItem, current
/// status; deliveries of an uncommitted message are left out); outbound reads GSI1 OUTBOUND. The
/// cost grows with the mail in the range, which DayRange caps at 366 days.
/// SES events of mail sent with SMTP credentials: PK OUTBOUND#sesMessageId, SK EVENT#type, put with
/// attribute_not_exists so a redelivered event counts once. GSI1 OUTBOUND / at#id#type orders them
/// by time, so a period is one Query on the index.
/// </summary>
public sealed class DynamoDbUsageStore(DynamoDbTable table) : IUsageStore
{
    private readonly DynamoDbDeliveryItems _items = new(table);

    private static readonly DeliveryStatus[] Queued =
        [DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying, DeliveryStatus.Held];

    /// <summary>
    /// Rows are sums over the days, so each page reads the pointers of its days and every older day of the
    /// range: from a cursor, only the days up to the cursor's day (a deep page costs less than the first).
    /// </summary>
    public async Task<Page<UsageRow>> ListUsageAsync(DayRange range, PageRequest page, CancellationToken cancellationToken)
    {
        var position = UsageCursor.Position(InboundList, range, page);
        var reading = UpTo(range, position);
        var pointers = new List<Item>();
        for (var month = new DateOnly(reading.From.Year, reading.From.Month, 1); month <= reading.To; month = month.AddMonths(1))
            pointers.AddRange(await table.QueryAsync(Between(ReceivedPartition(month), Time(reading.Start), Time(reading.End)), cancellationToken));
        var deliveries = (await table.BatchGetAsync(pointers.Select(p => Key(DeliveryPk(p.Num("DeliveryId")), "DELIVERY")), cancellationToken))
            .Select(i => ReadState(i).Delivery).ToDictionary(d => d.Id);
        var committed = (await table.BatchGetAsync(pointers.Select(p => Key("MSG#" + p.Str("MessageId"), "MESSAGE")), cancellationToken))
            .Select(i => i.Str("Id")).ToHashSet(StringComparer.Ordinal);
        var rows = pointers
            .Where(p => committed.Contains(p.Str("MessageId")) && deliveries.ContainsKey(p.Num("DeliveryId")))
            .Select(p => (Day: DateOnly.FromDateTime(p.Time("ReceivedAt").UtcDateTime), Delivery: deliveries[p.Num("DeliveryId")]))
            .GroupBy(x => (x.Day, UserId: x.Delivery.UserId ?? ""))
            .Select(g => new UsageRow(g.Key.Day, g.Key.UserId, g.Count(),
                g.Count(x => x.Delivery.Status == DeliveryStatus.Delivered), g.Count(x => Queued.Contains(x.Delivery.Status)),
                g.Count(x => x.Delivery.Status == DeliveryStatus.Failed)))
            .OrderByDescending(r => r.Day).ThenBy(r => r.UserId, StringComparer.Ordinal)
            .ToList();
        return PageOf(rows, r => (r.Day, r.UserId), InboundList, range, page, position);
    }

    private const string InboundList = "usage";
    private const string OutboundList = "outbound-usage";

    /// <summary>The range's days up to the cursor's (rows are newest day first): the older rows are all in them.</summary>
    private static DayRange UpTo(DayRange range, (DateOnly Day, string Id)? position) =>
        position is { } p && p.Day < range.To ? range with { To = p.Day < range.From ? range.From : p.Day } : range;

    /// <summary>The page of the rows (list order) after the position, or from skip; the total counts the skipped rows in (the caller's skip).</summary>
    private static Page<T> PageOf<T>(List<T> rows, Func<T, (DateOnly Day, string Id)> keyOf, string list, DayRange range, PageRequest page,
        (DateOnly Day, string Id)? position)
    {
        var remaining = position is { } p ? rows.Where(r => keyOf(r) is var k && UsageCursor.IsAfter(k.Day, k.Id, p)).ToList() : rows.Skip(page.Skip).ToList();
        var items = remaining.Take(page.Take).ToList();
        var next = remaining.Count > page.Take && keyOf(items[^1]) is var last ? UsageCursor.After(list, range, last.Day, last.Id) : null;
        return new Page<T>(items, page.Skip, page.Take, position is null ? rows.Count : page.Skip + remaining.Count, next);
    }

    public async Task<Page<OutboundUsageRow>> ListOutboundUsageAsync(DayRange range, PageRequest page, CancellationToken cancellationToken)
    {
        var position = UsageCursor.Position(OutboundList, range, page);
        var reading = UpTo(range, position);
        var rows = (await OutboundEventsAsync(reading.Start, reading.End, cancellationToken))
            .GroupBy(e => (Day: DateOnly.FromDateTime(e.Time("At").UtcDateTime), SmtpUserId: e.Str("SmtpUserId")))
            .Select(g => (g.Key.Day, Rates: Rates(g.Key.SmtpUserId, g.ToList())))
            .Select(x => new OutboundUsageRow(x.Day, x.Rates.SmtpUserId, x.Rates.Sends, x.Rates.Deliveries, x.Rates.Bounces, x.Rates.Complaints))
            .OrderByDescending(r => r.Day).ThenBy(r => r.SmtpUserId, StringComparer.Ordinal)
            .ToList();
        return PageOf(rows, r => (r.Day, r.SmtpUserId), OutboundList, range, page, position);
    }


    private const string OutboundIndex = "OUTBOUND";

    public Task<bool> RecordOutboundEventAsync(OutboundEvent outboundEvent, string smtpUserId, CancellationToken cancellationToken)
    {
        var type = outboundEvent.Type.ToString();
        var item = NewItem("OUTBOUND#" + outboundEvent.SesMessageId, "EVENT#" + type)
            .Also("SesMessageId", S(outboundEvent.SesMessageId)).Also("EventType", S(type)).Also("SmtpUserId", S(smtpUserId))
            .Also("At", T(outboundEvent.At)).With("Caller", Clip(outboundEvent.CallerIdentity)).With("Source", Clip(outboundEvent.Source))
            .With("Detail", Clip(outboundEvent.Detail)).Also("Recipients", N(outboundEvent.Recipients))
            .Also("GSI1PK", S(OutboundIndex)).Also("GSI1SK", S($"{Time(outboundEvent.At)}#{outboundEvent.SesMessageId}#{type}"));
        return table.PutNewAsync(item, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboundRates>> SummarizeOutboundAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var request = OutboundPeriod("GSI1SK >= :from", Time(since), null);
        return (await table.QueryAsync(request, cancellationToken))
            .GroupBy(i => i.Str("SmtpUserId"), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Rates(g.Key, g.ToList()))
            .ToList();
    }

    /// <summary>Events from GSI1 OUTBOUND whose time is at or after <paramref name="from"/> (and before <paramref name="to"/>).</summary>
    private async Task<List<Item>> OutboundEventsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await table.QueryAsync(OutboundPeriod("GSI1SK BETWEEN :from AND :to", Time(from), Time(to)), cancellationToken);

    private static QueryRequest OutboundPeriod(string range, string from, string? to)
    {
        var values = new Dictionary<string, AttributeValue> { [":pk"] = S(OutboundIndex), [":from"] = S(from) };
        if (to is not null) values[":to"] = S(to);
        return new QueryRequest
        {
            IndexName = IndexName,
            KeyConditionExpression = "GSI1PK = :pk AND " + range,
            ExpressionAttributeValues = values,
            ProjectionExpression = "SmtpUserId, EventType, #at",
            ExpressionAttributeNames = new() { ["#at"] = "At" },
        };
    }

    private static OutboundRates Rates(string smtpUserId, IReadOnlyCollection<Item> events)
    {
        int Count(OutboundEventType type) => events.Count(e => e.Str("EventType") == type.ToString());
        return new OutboundRates(smtpUserId, Count(OutboundEventType.Send), Count(OutboundEventType.Delivery),
            Count(OutboundEventType.Bounce), Count(OutboundEventType.Complaint));
    }
}
