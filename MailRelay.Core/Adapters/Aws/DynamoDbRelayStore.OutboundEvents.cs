using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Domain;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// SES events of mail sent with SMTP credentials: PK OUTBOUND#sesMessageId, SK EVENT#type, put with
/// attribute_not_exists so a redelivered event counts once. GSI1 OUTBOUND / at#id#type orders them
/// by time, so a period is one Query on the index.
/// </summary>
public sealed partial class DynamoDbRelayStore
{
    private const string OutboundIndex = "OUTBOUND";

    public Task<bool> RecordOutboundEventAsync(OutboundEvent outboundEvent, string smtpUserId, CancellationToken cancellationToken)
    {
        var type = outboundEvent.Type.ToString();
        var item = NewItem("OUTBOUND#" + outboundEvent.SesMessageId, "EVENT#" + type)
            .Also("SesMessageId", S(outboundEvent.SesMessageId)).Also("EventType", S(type)).Also("SmtpUserId", S(smtpUserId))
            .Also("At", T(outboundEvent.At)).With("Caller", Clip(outboundEvent.CallerIdentity)).With("Source", Clip(outboundEvent.Source))
            .With("Detail", Clip(outboundEvent.Detail)).Also("Recipients", N(outboundEvent.Recipients))
            .Also("GSI1PK", S(OutboundIndex)).Also("GSI1SK", S($"{Time(outboundEvent.At)}#{outboundEvent.SesMessageId}#{type}"));
        return PutNewAsync(item, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboundRates>> SummarizeOutboundAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var request = OutboundPeriod("GSI1SK >= :from", Time(since), null);
        return (await QueryAsync(request, cancellationToken))
            .GroupBy(i => i.Str("SmtpUserId"), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Rates(g.Key, g.ToList()))
            .ToList();
    }

    /// <summary>Events from GSI1 OUTBOUND whose time is at or after <paramref name="from"/> (and before <paramref name="to"/>).</summary>
    private async Task<List<Item>> OutboundEventsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await QueryAsync(OutboundPeriod("GSI1SK BETWEEN :from AND :to", Time(from), Time(to)), cancellationToken);

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
