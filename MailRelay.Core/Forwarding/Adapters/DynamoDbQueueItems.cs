using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// What the queue summaries read instead of every delivery ever made: per user, partition QUEUE#user
/// holds one WAITING#createdAt#id item per undelivered delivery (Pending, Queued, Retrying, Held,
/// Failed; its status and version) and one DELIVERED item counting the deliveries that were delivered.
/// A summary is one Query of that partition: it costs the user's undelivered mail, not their history.
/// <para>
/// Without transactions these items follow the delivery item: they are written after it, each
/// conditioned on the delivery's version, so a late write never replaces a newer one. A crash between
/// the delivery write and this one leaves a waiting item with the old status (or one left over after
/// the delivery was delivered or dropped); the next change of the delivery rewrites it, and the
/// 15-minute sweep (<see cref="RepairAsync"/>) compares every waiting item with its delivery and fixes
/// it, counting a delivered one then. Only the writer whose delete removed the waiting item adds to
/// DELIVERED, so it is never counted twice; a crash between that delete and the ADD loses one count
/// (the Delivered column only informs, nothing decides on it).
/// </para>
/// </summary>
internal sealed class DynamoDbQueueItems(DynamoDbTable table)
{
    private const string WaitingPrefix = "WAITING#";
    private const string DeliveredSk = "DELIVERED";
    private static readonly Dictionary<string, string> VersionName = new() { ["#ver"] = "Version" };

    internal static string QueuePk(string? userId) => "QUEUE#" + userId;

    internal static bool IsWaiting(DeliveryStatus status) =>
        status is DeliveryStatus.Pending or DeliveryStatus.Queued or DeliveryStatus.Retrying or DeliveryStatus.Held or DeliveryStatus.Failed;

    private static string WaitingSk(Delivery d) => $"{WaitingPrefix}{Time(d.CreatedAt)}#{Padded(d.Id)}";

    /// <summary>A user's undelivered deliveries as the queue items know them.</summary>
    internal sealed record WaitingItem(long DeliveryId, DeliveryStatus Status, DateTimeOffset CreatedAt, long Version);

    /// <summary>
    /// Brings the user's queue items in line with the delivery as written at <paramref name="version"/>.
    /// <paramref name="enteringUserId"/> is true when the delivery is new or has just moved to this user:
    /// only then may a waiting item be created (anything else only updates one), so a late write can
    /// never bring back an item a newer change removed.
    /// </summary>
    internal async Task FollowAsync(Delivery delivery, long version, string? previousUserId, bool enteringUserId, CancellationToken cancellationToken)
    {
        if (IsWaiting(delivery.Status))
        {
            await table.PutIfAsync(WaitingItemOf(delivery, version), enteringUserId ? "attribute_not_exists(PK) OR #ver < :v" : "#ver < :v",
                cancellationToken, new() { [":v"] = N(version) }, VersionName);
        }
        else if (await RemoveAsync(delivery.UserId, delivery, version, cancellationToken) && delivery.Status == DeliveryStatus.Delivered)
        {
            await CountDeliveredAsync(delivery.UserId, 1, cancellationToken);
        }
        // The new user's item is written first: a crash in between leaves the old one, which the repair moves.
        if (previousUserId != delivery.UserId) await RemoveAsync(previousUserId, delivery, version, cancellationToken);
    }

    /// <summary>
    /// The sweep's check of one user's queue: every waiting item against its delivery (one BatchGetItem
    /// per 100), fixing those a crash left behind. Returns the user's waiting items as they are now.
    /// </summary>
    internal async Task<IReadOnlyList<WaitingItem>> RepairAsync(string userId, CancellationToken cancellationToken)
    {
        var (waiting, _) = await ReadAsync(userId, null, cancellationToken);
        var deliveries = (await table.BatchGetAsync(waiting.Select(w => Key(DynamoDbDeliveryItems.DeliveryPk(w.DeliveryId), "DELIVERY")), cancellationToken))
            .Select(DynamoDbDeliveryItems.ReadState).ToDictionary(s => s.Delivery.Id);
        var stale = waiting.Where(w => deliveries.TryGetValue(w.DeliveryId, out var s)
            && (s.Version != w.Version || s.Delivery.Status != w.Status || (s.Delivery.UserId ?? "") != userId)).ToList();
        foreach (var w in stale)
        {
            var state = deliveries[w.DeliveryId];
            await FollowAsync(state.Delivery, state.Version, userId.Length == 0 ? null : userId, (state.Delivery.UserId ?? "") != userId, cancellationToken);
        }
        return stale.Count == 0 ? waiting : (await ReadAsync(userId, null, cancellationToken)).Waiting;
    }

    /// <summary>The user's waiting items (created at or before <paramref name="createdUpTo"/>, when given) and delivered count.</summary>
    internal async Task<(IReadOnlyList<WaitingItem> Waiting, long Delivered)> ReadAsync(string userId, DateTimeOffset? createdUpTo, CancellationToken cancellationToken)
    {
        // DELIVERED sorts before every WAITING# key, so the range of items created up to a time leaves it out.
        var items = await table.QueryAsync(createdUpTo is { } upTo
            ? Between(QueuePk(userId), WaitingPrefix, $"{WaitingPrefix}{Time(upTo)}$")
            : Partition(QueuePk(userId)), cancellationToken);
        var waiting = items.Where(i => i["SK"].S.StartsWith(WaitingPrefix, StringComparison.Ordinal))
            .Select(i => new WaitingItem(i.Num("DeliveryId"), i.Enum<DeliveryStatus>("Status"), i.Time("CreatedAt"), i.Num("Version"))).ToList();
        var delivered = items.FirstOrDefault(i => i["SK"].S == DeliveredSk)?.Num("Delivered") ?? 0;
        return (waiting, delivered);
    }

    internal static UserQueueSummary Summarize(string userId, IReadOnlyList<WaitingItem> waiting, long delivered)
    {
        int Count(DeliveryStatus status) => waiting.Count(w => w.Status == status);
        var oldest = waiting.Count == 0 ? (DateTimeOffset?)null : waiting.Min(w => w.CreatedAt);
        return new UserQueueSummary(userId, Count(DeliveryStatus.Pending), Count(DeliveryStatus.Queued), Count(DeliveryStatus.Retrying),
            Count(DeliveryStatus.Held), Count(DeliveryStatus.Failed), checked((int)delivered), oldest);
    }

    /// <summary>Adds to the user's delivered count (atomic ADD).</summary>
    internal async Task CountDeliveredAsync(string? userId, long count, CancellationToken cancellationToken) =>
        await table.UpdateAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
        {
            Key = Key(QueuePk(userId), DeliveredSk), UpdateExpression = "ADD #n :count",
            ExpressionAttributeNames = new() { ["#n"] = "Delivered" }, ExpressionAttributeValues = new() { [":count"] = N(count) },
        }, cancellationToken);

    private async Task<bool> RemoveAsync(string? userId, Delivery delivery, long version, CancellationToken cancellationToken) =>
        await table.DeleteIfAsync(QueuePk(userId), WaitingSk(delivery), "#ver <= :v", cancellationToken, new() { [":v"] = N(version) }, VersionName) is not null;

    private static Item WaitingItemOf(Delivery d, long version) => NewItem(QueuePk(d.UserId), WaitingSk(d))
        .Also("DeliveryId", N(d.Id)).Also("Status", S(d.Status.ToString())).Also("CreatedAt", T(d.CreatedAt)).Also("Version", N(version));
}
