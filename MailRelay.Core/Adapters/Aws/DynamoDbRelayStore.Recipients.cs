using System.Text.Json;
using MailRelay.Core.Domain;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

public sealed partial class DynamoDbRelayStore
{
    /// <summary>
    /// Like <see cref="AddMessageAsync"/>, safe to repeat without transactions: each new delivery id is
    /// reserved in the message's slot for its target, a target whose delivery exists is skipped, and
    /// the message's recipient list is written last.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> AddRecipientsAsync(string messageId, IReadOnlyList<string> recipients, IReadOnlyList<NewDelivery> deliveries,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pk = "MSG#" + messageId;
        if (await GetAsync(pk, "MESSAGE", cancellationToken) is not { } item) return [];
        var message = ReadMessage(item);
        var added = new List<Delivery>();
        foreach (var delivery in deliveries.DistinctBy(d => d.TargetKey))
        {
            var slot = "SLOT#" + delivery.TargetKey;
            if (await GetAsync(pk, slot, cancellationToken) is { } reserved && await GetAsync(DeliveryPk(reserved.Num("Value")), "DELIVERY", cancellationToken) is not null)
                continue;
            var id = await ReserveNumberAsync(pk, slot, "delivery", cancellationToken);
            var created = new Delivery(id, messageId, message.Sequence, delivery.Recipient, delivery.UserId, delivery.Target, delivery.Status,
                0, now, Clip(delivery.Note), null, delivery.MarkAsSpam, now, now);
            await CreateDeliveryAsync(DeliveryItem(created, version: 1, leaseOwner: null, leaseUntil: null), delivery.Note ?? "Received", cancellationToken);
            await PutReceivedPointerAsync(message, id, cancellationToken);
            added.Add(created);
        }
        var merged = message.Recipients.Concat(recipients).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (merged.Count != message.Recipients.Count || (added.Count > 0 && message.BlobDeleted))
        {
            var update = new DynamoDbUpdate().Set("Recipients", S(JsonSerializer.Serialize(merged)));
            if (added.Count > 0) update.Set("BlobDeleted", B(false));
            await client.UpdateItemAsync(update.When("attribute_exists(PK)").ToRequest(Table, Key(pk, "MESSAGE")), cancellationToken);
        }
        return added;
    }
}
