using MailRelay.Core.Domain;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// Delivery items and the one way they change. A delivery is PK DLV#id, SK DELIVERY (GSI1 LANE#user /
/// sequence#id: the user's deliveries in received order), its timeline events are SK EVENT#version in
/// the same partition, and while it is Pending or Retrying a marker PK DUE, SK sequence#id lets the
/// forwarder find due work without a Scan. LANES lists every user that ever had a delivery.
/// </summary>
public sealed partial class DynamoDbRelayStore
{
    private const int ChangeAttempts = 8;
    private static readonly Dictionary<string, string> VersionName = new() { ["#ver"] = "Version" };

    /// <summary>A delivery with what the store keeps besides: the lease and the optimistic-concurrency version.</summary>
    private sealed record DeliveryState(Delivery Delivery, string? LeaseOwner, DateTimeOffset? LeaseUntil, long Version);

    /// <summary>What a change writes: the new state, and the timeline event (status, detail) when there is one.</summary>
    private sealed record DeliveryChange(DeliveryState State, bool AddsEvent, string? EventDetail);

    private static string DeliveryPk(long id) => "DLV#" + Padded(id);

    private static string DueKey(Delivery d) => $"{Padded(d.MessageSequence)}#{Padded(d.Id)}";

    private static bool IsDue(DeliveryStatus status) => status is DeliveryStatus.Pending or DeliveryStatus.Retrying;

    /// <summary>Puts a new delivery (its due marker first, then the item, lane and first event); a retry skips what exists.</summary>
    private async Task CreateDeliveryAsync(Item item, string eventDetail, CancellationToken cancellationToken)
    {
        var state = ReadState(item);
        var delivery = state.Delivery;
        if (IsDue(delivery.Status)) await PutMarkerAsync(delivery, state.Version, cancellationToken);
        await PutNewAsync(item, cancellationToken);
        await PutLaneAsync(delivery.UserId, cancellationToken);
        await PutEventAsync(delivery.Id, state.Version, delivery.Status, eventDetail, delivery.CreatedAt, cancellationToken);
    }

    /// <summary>
    /// Reads the delivery, applies <paramref name="change"/> (null: nothing to do) and writes it back
    /// only if nobody changed it meanwhile (Version condition), re-reading on a conflict. The due
    /// marker is put before a delivery becomes due and removed after it stops being due, and a
    /// marker is only removed when its version is not newer than the delivery's, so a marker can be
    /// left over (skipped and cleaned by the claim) but never missing.
    /// </summary>
    private async Task<DeliveryState?> ChangeDeliveryAsync(long id, Func<DeliveryState, DeliveryChange?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ChangeAttempts; attempt++)
        {
            if (await GetAsync(DeliveryPk(id), "DELIVERY", cancellationToken) is not { } item) return null;
            var before = ReadState(item);
            if (change(before) is not { } decided) return null;
            var after = decided.State with { Version = before.Version + 1 };
            var wasDue = IsDue(before.Delivery.Status);
            var isDue = IsDue(after.Delivery.Status);
            if (isDue && !wasDue) await PutMarkerAsync(after.Delivery, after.Version, cancellationToken);
            var written = await PutIfAsync(DeliveryItem(after.Delivery, after.Version, after.LeaseOwner, after.LeaseUntil),
                "#ver = :v", cancellationToken, new() { [":v"] = N(before.Version) }, VersionName);
            if (!written) continue;
            if (wasDue && !isDue) await DeleteMarkerAsync(after.Delivery, after.Version, cancellationToken);
            if (after.Delivery.UserId != before.Delivery.UserId) await PutLaneAsync(after.Delivery.UserId, cancellationToken);
            if (decided.AddsEvent)
                await PutEventAsync(id, after.Version, after.Delivery.Status, decided.EventDetail, after.Delivery.UpdatedAt, cancellationToken);
            return after;
        }
        throw new InvalidOperationException($"Delivery {id} kept changing under {ChangeAttempts} attempts to update it.");
    }

    private async Task PutMarkerAsync(Delivery delivery, long version, CancellationToken cancellationToken) =>
        await PutIfAsync(NewItem("DUE", DueKey(delivery)).Also("DeliveryId", N(delivery.Id)).Also("Version", N(version)),
            "attribute_not_exists(PK) OR #ver < :v", cancellationToken, new() { [":v"] = N(version) }, VersionName);

    private async Task DeleteMarkerAsync(Delivery delivery, long version, CancellationToken cancellationToken) =>
        await DeleteIfAsync("DUE", DueKey(delivery), "#ver <= :v", cancellationToken, new() { [":v"] = N(version) }, VersionName);

    private async Task PutLaneAsync(string? userId, CancellationToken cancellationToken) =>
        await PutIfAsync(NewItem("LANES", "LANE#" + userId).With("UserId", userId), "attribute_not_exists(PK)", cancellationToken);

    private async Task PutEventAsync(long deliveryId, long version, DeliveryStatus status, string? detail, DateTimeOffset at, CancellationToken cancellationToken) =>
        await PutIfAsync(NewItem(DeliveryPk(deliveryId), "EVENT#" + version.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))
            .Also("DeliveryId", N(deliveryId)).Also("At", T(at)).Also("Status", S(status.ToString())).With("Detail", Clip(detail)),
            "attribute_not_exists(PK)", cancellationToken);

    /// <summary>Every user id with deliveries ("" stands for deliveries without a user), in ordinal order.</summary>
    private async Task<List<string>> ListLanesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(Partition("LANES", "LANE#"), cancellationToken)).Select(i => i.OptStr("UserId") ?? "").ToList();

    /// <summary>One user's deliveries in received order ("" for those without a user), from GSI1.</summary>
    private async Task<List<Delivery>> LaneDeliveriesAsync(string userId, CancellationToken cancellationToken) =>
        (await QueryAsync(Index("LANE#" + userId), cancellationToken)).Select(i => ReadState(i).Delivery).ToList();

    private static Item DeliveryItem(Delivery d, long version, string? leaseOwner, DateTimeOffset? leaseUntil) => NewItem(DeliveryPk(d.Id), "DELIVERY")
        .Also("Id", N(d.Id)).Also("MessageId", S(d.MessageId)).Also("MessageSequence", N(d.MessageSequence)).Also("Recipient", S(d.Recipient))
        .With("UserId", d.UserId).Also("Target", S(d.Target.ToString())).Also("Status", S(d.Status.ToString())).Also("Attempts", N(d.Attempts))
        .With("NextAttemptAt", d.NextAttemptAt).With("LastError", Clip(d.LastError)).With("ExternalId", d.ExternalId)
        .Also("MarkAsSpam", B(d.MarkAsSpam)).Also("CreatedAt", T(d.CreatedAt)).Also("UpdatedAt", T(d.UpdatedAt))
        .With("LeaseOwner", leaseOwner).With("LeaseUntil", leaseUntil).Also("Version", N(version))
        .Also("GSI1PK", S("LANE#" + d.UserId)).Also("GSI1SK", S(DueKey(d)));

    private static DeliveryState ReadState(Item i) => new(
        new Delivery(i.Num("Id"), i.Str("MessageId"), i.Num("MessageSequence"), i.Str("Recipient"), i.OptStr("UserId"),
            i.Enum<DeliveryTarget>("Target"), i.Enum<DeliveryStatus>("Status"), i.Int("Attempts"), i.OptTime("NextAttemptAt"),
            i.OptStr("LastError"), i.OptStr("ExternalId"), i.Bool("MarkAsSpam"), i.Time("CreatedAt"), i.Time("UpdatedAt")),
        i.OptStr("LeaseOwner"), i.OptTime("LeaseUntil"), i.Num("Version"));
}
