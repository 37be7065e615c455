using System.Globalization;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// Delivery items and the one way they change. A delivery is PK DLV#id, SK DELIVERY (GSI1 LANE#user /
/// sequence#id: the user's deliveries in received order), its timeline events are SK EVENT#version in
/// the same partition, and while it is Pending or Retrying a marker PK DUE#shard, SK sequence#id lets the
/// forwarder find due work without a Scan. LANES lists every user that ever had a delivery, and
/// <see cref="DynamoDbQueueItems"/> keeps each user's queue counts after every status change.
/// </summary>
internal sealed class DynamoDbDeliveryItems(DynamoDbTable table)
{
    private readonly DynamoDbQueueItems _queue = new(table);

    private const int ChangeAttempts = 8;
    private static readonly Dictionary<string, string> VersionName = new() { ["#ver"] = "Version" };

    /// <summary>A delivery with what the store keeps besides: the lease and the optimistic-concurrency version.</summary>
    internal sealed record DeliveryState(Delivery Delivery, string? LeaseOwner, DateTimeOffset? LeaseUntil, long Version);

    /// <summary>What a change writes: the new state, and the timeline event (status, detail) when there is one.</summary>
    internal sealed record DeliveryChange(DeliveryState State, bool AddsEvent, string? EventDetail);

    internal static string DeliveryPk(long id) => "DLV#" + Padded(id);

    internal static string DueKey(Delivery d) => $"{Padded(d.MessageSequence)}#{Padded(d.Id)}";

    /// <summary>
    /// Due markers are spread over this many partitions (DUE#0…), each taking ~1,000 writes a second:
    /// every delivery writes and deletes one. A claim reads them all, so more shards cost more reads per poll.
    /// </summary>
    internal const int DueShards = 4;

    /// <summary>The due partition of a user's deliveries: by a hash of the user, so one lane stays in one shard and keeps its order.</summary>
    internal static string DuePk(string? userId) =>
        "DUE#" + System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId ?? ""))[0] % DueShards;

    internal static bool IsDue(DeliveryStatus status) => status is DeliveryStatus.Pending or DeliveryStatus.Retrying;

    /// <summary>Puts a new delivery (its due marker first, then the item, lane, queue item and first event); a retry skips what exists.</summary>
    internal async Task CreateDeliveryAsync(Item item, string eventDetail, CancellationToken cancellationToken)
    {
        var state = ReadState(item);
        var delivery = state.Delivery;
        if (IsDue(delivery.Status)) await PutMarkerAsync(delivery, state.Version, cancellationToken);
        await table.PutNewAsync(item, cancellationToken);
        await PutLaneAsync(delivery.UserId, cancellationToken);
        await _queue.FollowAsync(delivery, state.Version, delivery.UserId, enteringUserId: true, cancellationToken);
        await PutEventAsync(delivery.Id, state.Version, delivery.Status, eventDetail, delivery.CreatedAt, cancellationToken);
    }

    /// <summary>
    /// Reads the delivery, applies <paramref name="change"/> (null: nothing to do) and writes it back
    /// only if nobody changed it meanwhile (Version condition), re-reading on a conflict. The due
    /// marker is put before a delivery becomes due and removed after it stops being due, and a
    /// marker is only removed when its version is not newer than the delivery's, so a marker can be
    /// left over (skipped and cleaned by the claim) but never missing.
    /// </summary>
    internal async Task<DeliveryState?> ChangeDeliveryAsync(long id, Func<DeliveryState, DeliveryChange?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ChangeAttempts; attempt++)
        {
            if (await table.GetAsync(DeliveryPk(id), "DELIVERY", cancellationToken) is not { } item) return null;
            var before = ReadState(item);
            if (change(before) is not { } decided) return null;
            var after = decided.State with { Version = before.Version + 1 };
            var wasDue = IsDue(before.Delivery.Status);
            var isDue = IsDue(after.Delivery.Status);
            if (isDue && !wasDue) await PutMarkerAsync(after.Delivery, after.Version, cancellationToken);
            var written = await table.PutIfAsync(DeliveryItem(after.Delivery, after.Version, after.LeaseOwner, after.LeaseUntil),
                "#ver = :v", cancellationToken, new() { [":v"] = N(before.Version) }, VersionName);
            if (!written) continue;
            if (wasDue && !isDue) await DeleteMarkerAsync(after.Delivery, after.Version, cancellationToken);
            var movedUser = after.Delivery.UserId != before.Delivery.UserId;
            if (movedUser) await PutLaneAsync(after.Delivery.UserId, cancellationToken);
            if (movedUser || after.Delivery.Status != before.Delivery.Status)
                await _queue.FollowAsync(after.Delivery, after.Version, before.Delivery.UserId, movedUser, cancellationToken);
            if (decided.AddsEvent)
                await PutEventAsync(id, after.Version, after.Delivery.Status, decided.EventDetail, after.Delivery.UpdatedAt, cancellationToken);
            return after;
        }
        throw new InvalidOperationException($"Delivery {id} kept changing under {ChangeAttempts} attempts to update it.");
    }

    internal async Task PutMarkerAsync(Delivery delivery, long version, CancellationToken cancellationToken) =>
        await table.PutIfAsync(NewItem(DuePk(delivery.UserId), DueKey(delivery)).Also("DeliveryId", N(delivery.Id)).Also("Version", N(version)),
            "attribute_not_exists(PK) OR #ver < :v", cancellationToken, new() { [":v"] = N(version) }, VersionName);

    internal async Task DeleteMarkerAsync(Delivery delivery, long version, CancellationToken cancellationToken) =>
        await table.DeleteIfAsync(DuePk(delivery.UserId), DueKey(delivery), "#ver <= :v", cancellationToken, new() { [":v"] = N(version) }, VersionName);

    internal async Task PutLaneAsync(string? userId, CancellationToken cancellationToken) =>
        await table.PutIfAsync(NewItem("LANES", "LANE#" + userId).With("UserId", userId), "attribute_not_exists(PK)", cancellationToken);

    internal async Task PutEventAsync(long deliveryId, long version, DeliveryStatus status, string? detail, DateTimeOffset at, CancellationToken cancellationToken) =>
        await table.PutIfAsync(NewItem(DeliveryPk(deliveryId), "EVENT#" + version.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))
            .Also("DeliveryId", N(deliveryId)).Also("At", T(at)).Also("Status", S(status.ToString())).With("Detail", Clip(detail)),
            "attribute_not_exists(PK)", cancellationToken);

    /// <summary>Every user id with deliveries ("" stands for deliveries without a user), in ordinal order.</summary>
    internal async Task<List<string>> ListLanesAsync(CancellationToken cancellationToken) =>
        (await table.QueryAsync(Partition("LANES", "LANE#"), cancellationToken)).Select(i => i.OptStr("UserId") ?? "").ToList();

    /// <summary>One user's deliveries in received order ("" for those without a user), from GSI1.</summary>
    internal async Task<List<Delivery>> LaneDeliveriesAsync(string userId, CancellationToken cancellationToken) =>
        (await table.QueryAsync(Index("LANE#" + userId), cancellationToken)).Select(i => ReadState(i).Delivery).ToList();

    internal static Item DeliveryItem(Delivery d, long version, string? leaseOwner, DateTimeOffset? leaseUntil) => NewItem(DeliveryPk(d.Id), "DELIVERY")
        .Also("Id", N(d.Id)).Also("MessageId", S(d.MessageId)).Also("MessageSequence", N(d.MessageSequence)).Also("Recipient", S(d.Recipient))
        .With("UserId", d.UserId).Also("Target", S(d.Target.ToString())).Also("Status", S(d.Status.ToString())).Also("Attempts", N(d.Attempts))
        .With("NextAttemptAt", d.NextAttemptAt).With("LastError", Clip(d.LastError)).With("ExternalId", d.ExternalId)
        .Also("MarkAsSpam", B(d.MarkAsSpam)).Also("CreatedAt", T(d.CreatedAt)).Also("UpdatedAt", T(d.UpdatedAt))
        .With("LeaseOwner", leaseOwner).With("LeaseUntil", leaseUntil).Also("Version", N(version))
        .Also("GSI1PK", S("LANE#" + d.UserId)).Also("GSI1SK", S(DueKey(d)));

    internal static DeliveryState ReadState(Item i) => new(
        new Delivery(i.Num("Id"), i.Str("MessageId"), i.Num("MessageSequence"), i.Str("Recipient"), i.OptStr("UserId"),
            i.Enum<DeliveryTarget>("Target"), i.Enum<DeliveryStatus>("Status"), i.Int("Attempts"), i.OptTime("NextAttemptAt"),
            i.OptStr("LastError"), i.OptStr("ExternalId"), i.Bool("MarkAsSpam"), i.Time("CreatedAt"), i.Time("UpdatedAt")),
        i.OptStr("LeaseOwner"), i.OptTime("LeaseUntil"), i.Num("Version"));

    /// <summary>A message's deliveries (its SLOT# items point at them), in id order.</summary>
    internal async Task<IReadOnlyList<Delivery>> OfMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        var slots = await table.QueryAsync(Partition("MSG#" + messageId, "SLOT#"), cancellationToken);
        var items = await table.BatchGetAsync(slots.Select(s => Key(DeliveryPk(s.Num("Value")), "DELIVERY")), cancellationToken);
        return items.Select(i => ReadState(i).Delivery).OrderBy(d => d.Id).ToList();
    }

    internal static string ReceivedPartition(DateOnly day) => "RECEIVED#" + day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Written per delivery before the message record commits, without a condition: a retried
    /// intake writes the same key and values again.
    /// </summary>
    internal async Task PutReceivedPointerAsync(StoredMessage message, long deliveryId, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(message.ReceivedAt.UtcDateTime);
        var item = NewItem(ReceivedPartition(day), $"{Time(message.ReceivedAt)}#{Padded(deliveryId)}")
            .Also("ReceivedAt", T(message.ReceivedAt)).Also("MessageId", S(message.Id)).Also("DeliveryId", N(deliveryId));
        await table.PutIfAsync(item, null, cancellationToken);
    }
}
