using System.Text.Json;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using static MailRelay.Core.Forwarding.Adapters.DynamoDbDeliveryItems;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// Messages: PK MSG#id holds the message record (SK MESSAGE; GSI1 MESSAGES / sequence), its
/// reserved sequence (SK SEQUENCE) and one slot per delivery (SK SLOT#targetKey → delivery id).
/// </summary>
public sealed class DynamoDbMessageStore(DynamoDbTable table) : IMessageStore
{
    private readonly DynamoDbDeliveryItems _items = new(table);
    private readonly DynamoDbMessageList _list = new(table);

    internal const string MessagesIndex = "MESSAGES";

    /// <summary>
    /// Without transactions a message and its deliveries are several writes, so they are ordered to
    /// be safe to repeat: the sequence and every delivery id are reserved in items with
    /// deterministic keys (a retry finds the same numbers), the deliveries are put conditionally
    /// (a retry skips the ones that exist), and the message record goes last as the commit marker.
    /// A crash part-way leaves no message record, so the intake's retry (SQS redelivers) completes
    /// the same items; deliveries whose message is not committed are never claimed.
    /// </summary>
    public async Task<bool> AddMessageAsync(StoredMessage message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pk = "MSG#" + message.Id;
        if (await table.GetAsync(pk, "MESSAGE", cancellationToken) is not null) return false;
        var sequence = await table.ReserveNumberAsync(pk, "SEQUENCE", "message", cancellationToken);
        foreach (var delivery in deliveries.DistinctBy(d => d.TargetKey))
        {
            var id = await table.ReserveNumberAsync(pk, "SLOT#" + delivery.TargetKey, "delivery", cancellationToken);
            var item = DeliveryItem(new Delivery(id, message.Id, sequence, delivery.Recipient, delivery.UserId, delivery.Target, delivery.Status,
                0, now, Clip(delivery.Note), null, delivery.MarkAsSpam, now, now), version: 1, leaseOwner: null, leaseUntil: null);
            await _items.CreateDeliveryAsync(item, delivery.Note ?? "Received", cancellationToken);
            await _items.PutReceivedPointerAsync(message, id, cancellationToken);
        }
        return await table.PutNewAsync(MessageItem(message with { Sequence = sequence }), cancellationToken);
    }

    public async Task<StoredMessage?> FindMessageAsync(string messageId, CancellationToken cancellationToken) =>
        await table.GetAsync("MSG#" + messageId, "MESSAGE", cancellationToken) is { } item ? ReadMessage(item) : null;

    /// <summary>One read per message, as forwarding read them before; a BatchGetItem could save the round trips.</summary>
    public async Task<IReadOnlyDictionary<string, StoredMessage>> FindMessagesAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredMessage>(StringComparer.Ordinal);
        foreach (var id in messageIds.Distinct(StringComparer.Ordinal))
        {
            if (await FindMessageAsync(id, cancellationToken) is { } message) found[id] = message;
        }
        return found;
    }

    /// <inheritdoc cref="DynamoDbMessageList.ListAsync"/>
    public Task<Page<MessageListItem>> ListMessagesAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        _list.ListAsync(filter, page, cancellationToken);

    /// <summary>One conditional update per message: DynamoDB has no multi-item update.</summary>
    public async Task MarkBlobsDeletedAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        foreach (var messageId in messageIds)
        {
            var update = new DynamoDbUpdate().Set("BlobDeleted", B(true)).When("attribute_exists(PK)");
            try
            {
                await table.UpdateAsync(update.ToRequest(table.Name, Key("MSG#" + messageId, "MESSAGE")), cancellationToken);
            }
            catch (Amazon.DynamoDBv2.Model.ConditionalCheckFailedException)
            {
                // Unknown message: nothing to mark, as the SQL UPDATE … WHERE.
            }
        }
    }

    /// <summary>Oldest first from GSI1 MESSAGES, skipping those whose blob is gone; each candidate's deliveries are read.</summary>
    public async Task<IReadOnlyList<StoredMessage>> ListFinishedMessagesWithBlobsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        var finished = new List<StoredMessage>();
        foreach (var message in (await table.QueryAsync(Index(MessagesIndex), cancellationToken)).Select(ReadMessage))
        {
            if (finished.Count >= max) break;
            if (message.BlobDeleted || message.ReceivedAt >= receivedBefore) continue;
            if (await IsMessageFinishedAsync(message.Id, cancellationToken)) finished.Add(message);
        }
        return finished;
    }

    public async Task<bool> IsMessageFinishedAsync(string messageId, CancellationToken cancellationToken) =>
        (await _items.OfMessageAsync(messageId, cancellationToken)).All(d => d.Status is DeliveryStatus.Delivered or DeliveryStatus.Dropped);

    internal static Item MessageItem(StoredMessage m) => NewItem("MSG#" + m.Id, "MESSAGE")
        .Also("Id", S(m.Id)).Also("Sequence", N(m.Sequence)).Also("Source", S(m.Source)).Also("ReceivedAt", T(m.ReceivedAt))
        .Also("BlobKey", S(m.BlobKey)).Also("Recipients", S(JsonSerializer.Serialize(m.Recipients)))
        .With("Spam", m.Verdicts.Spam).With("Virus", m.Verdicts.Virus).With("Spf", m.Verdicts.Spf).With("Dkim", m.Verdicts.Dkim).With("Dmarc", m.Verdicts.Dmarc)
        .With("From", Clip(m.Summary.From)).With("To", Clip(m.Summary.To)).With("Subject", Clip(m.Summary.Subject)).With("Date", m.Summary.Date)
        .With("HeaderMessageId", Clip(m.Summary.MessageId)).Also("SizeBytes", N(m.Summary.SizeBytes)).With("Problem", Clip(m.Summary.Problem))
        .Also("BlobDeleted", B(m.BlobDeleted))
        .Also("GSI1PK", S(MessagesIndex)).Also("GSI1SK", S(Padded(m.Sequence)));

    internal static StoredMessage ReadMessage(Item i) => new(
        i.Str("Id"), i.Num("Sequence"), i.Str("Source"), i.Time("ReceivedAt"), i.Str("BlobKey"),
        JsonSerializer.Deserialize<List<string>>(i.Str("Recipients")) ?? [],
        new Verdicts(i.OptStr("Spam"), i.OptStr("Virus"), i.OptStr("Spf"), i.OptStr("Dkim"), i.OptStr("Dmarc")),
        new MessageSummary(i.OptStr("From"), i.OptStr("To"), i.OptStr("Subject"), i.OptTime("Date"), i.OptStr("HeaderMessageId"),
            i.Num("SizeBytes"), i.OptStr("Problem")),
        i.Bool("BlobDeleted"));

    /// <summary>
    /// Like <see cref="AddMessageAsync"/>, safe to repeat without transactions: each new delivery id is
    /// reserved in the message's slot for its target, a target whose delivery exists is skipped, and
    /// the message's recipient list is written last.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> AddRecipientsAsync(string messageId, IReadOnlyList<string> recipients, IReadOnlyList<NewDelivery> deliveries,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pk = "MSG#" + messageId;
        if (await table.GetAsync(pk, "MESSAGE", cancellationToken) is not { } item) return [];
        var message = ReadMessage(item);
        var added = new List<Delivery>();
        foreach (var delivery in deliveries.DistinctBy(d => d.TargetKey))
        {
            var slot = "SLOT#" + delivery.TargetKey;
            if (await table.GetAsync(pk, slot, cancellationToken) is { } reserved && await table.GetAsync(DeliveryPk(reserved.Num("Value")), "DELIVERY", cancellationToken) is not null)
                continue;
            var id = await table.ReserveNumberAsync(pk, slot, "delivery", cancellationToken);
            var created = new Delivery(id, messageId, message.Sequence, delivery.Recipient, delivery.UserId, delivery.Target, delivery.Status,
                0, now, Clip(delivery.Note), null, delivery.MarkAsSpam, now, now);
            await _items.CreateDeliveryAsync(DeliveryItem(created, version: 1, leaseOwner: null, leaseUntil: null), delivery.Note ?? "Received", cancellationToken);
            await _items.PutReceivedPointerAsync(message, id, cancellationToken);
            added.Add(created);
        }
        var merged = message.Recipients.Concat(recipients).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (merged.Count != message.Recipients.Count || (added.Count > 0 && message.BlobDeleted))
        {
            var update = new DynamoDbUpdate().Set("Recipients", S(JsonSerializer.Serialize(merged)));
            if (added.Count > 0) update.Set("BlobDeleted", B(false));
            await table.UpdateAsync(update.When("attribute_exists(PK)").ToRequest(table.Name, Key(pk, "MESSAGE")), cancellationToken);
        }
        return added;
    }
}
