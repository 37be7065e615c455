using System.Globalization;
using MailRelay.Core.Domain;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// Usage per user (or credential) and day, computed when asked from items ordered by time, so
/// nothing has to be counted again when a delivery changes status:
/// inbound reads the RECEIVED#yyyy-MM pointers (one per delivery, SK receivedAt#deliveryId, written
/// by AddMessage) of the range's months and the pointed deliveries and messages (BatchGetItem, current
/// status; deliveries of an uncommitted message are left out); outbound reads GSI1 OUTBOUND. The
/// cost grows with the mail in the range, which DayRange caps at 366 days.
/// </summary>
public sealed partial class DynamoDbRelayStore
{
    private static readonly DeliveryStatus[] Queued =
        [DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying, DeliveryStatus.Held];

    public async Task<Page<UsageRow>> ListUsageAsync(DayRange range, int skip, int take, CancellationToken cancellationToken)
    {
        var pointers = new List<Item>();
        for (var month = new DateOnly(range.From.Year, range.From.Month, 1); month <= range.To; month = month.AddMonths(1))
            pointers.AddRange(await QueryAsync(Between(ReceivedPartition(month), Time(range.Start), Time(range.End)), cancellationToken));
        var deliveries = (await BatchGetAsync(pointers.Select(p => Key(DeliveryPk(p.Num("DeliveryId")), "DELIVERY")), cancellationToken))
            .Select(i => ReadState(i).Delivery).ToDictionary(d => d.Id);
        var committed = (await BatchGetAsync(pointers.Select(p => Key("MSG#" + p.Str("MessageId"), "MESSAGE")), cancellationToken))
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
        return new Page<UsageRow>(rows.Skip(skip).Take(take).ToList(), skip, take, rows.Count);
    }

    public async Task<Page<OutboundUsageRow>> ListOutboundUsageAsync(DayRange range, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = (await OutboundEventsAsync(range.Start, range.End, cancellationToken))
            .GroupBy(e => (Day: DateOnly.FromDateTime(e.Time("At").UtcDateTime), SmtpUserId: e.Str("SmtpUserId")))
            .Select(g => (g.Key.Day, Rates: Rates(g.Key.SmtpUserId, g.ToList())))
            .Select(x => new OutboundUsageRow(x.Day, x.Rates.SmtpUserId, x.Rates.Sends, x.Rates.Deliveries, x.Rates.Bounces, x.Rates.Complaints))
            .OrderByDescending(r => r.Day).ThenBy(r => r.SmtpUserId, StringComparer.Ordinal)
            .ToList();
        return new Page<OutboundUsageRow>(rows.Skip(skip).Take(take).ToList(), skip, take, rows.Count);
    }

    private static string ReceivedPartition(DateOnly day) => "RECEIVED#" + day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Written per delivery before the message record commits, without a condition: a retried
    /// intake writes the same key and values again.
    /// </summary>
    private async Task PutReceivedPointerAsync(StoredMessage message, long deliveryId, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(message.ReceivedAt.UtcDateTime);
        var item = NewItem(ReceivedPartition(day), $"{Time(message.ReceivedAt)}#{Padded(deliveryId)}")
            .Also("ReceivedAt", T(message.ReceivedAt)).Also("MessageId", S(message.Id)).Also("DeliveryId", N(deliveryId));
        await PutIfAsync(item, null, cancellationToken);
    }
}
