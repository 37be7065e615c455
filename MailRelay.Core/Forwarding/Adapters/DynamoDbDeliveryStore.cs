using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using static MailRelay.Core.Forwarding.Adapters.DynamoDbDeliveryItems;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// Claims, outcomes and queue changes of deliveries, and the queue summaries read from the users'
/// queue items (<see cref="DynamoDbQueueItems"/>). How a delivery item is keyed and changed is <see cref="DynamoDbDeliveryItems"/>.
/// </summary>
public sealed class DynamoDbDeliveryStore(DynamoDbTable table) : IDeliveryStore
{
    private readonly DynamoDbDeliveryItems _items = new(table);
    private readonly DynamoDbQueueItems _queue = new(table);

    /// <summary>
    /// Reads the due markers of every shard (one Query each, together as long as the due backlog), merged
    /// in received order (a user's lane lives in one shard, so its order is the shard's), and the items
    /// they point at, then leases with a Version-conditioned write, so two instances never hold the
    /// same delivery. Lane order is kept in memory exactly as the SQL NOT EXISTS does.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> ClaimDueDeliveriesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, DueShards).Select(shard => table.QueryAsync(Partition("DUE#" + shard), cancellationToken)));
        var markers = shards.SelectMany(m => m).OrderBy(m => m["SK"].S, StringComparer.Ordinal).ToList();
        var states = (await table.BatchGetAsync(markers.Select(m => Key(DeliveryPk(m.Num("DeliveryId")), "DELIVERY")), cancellationToken))
            .Select(ReadState).ToDictionary(s => s.Delivery.Id);
        var committed = (await table.BatchGetAsync(states.Values.Select(s => s.Delivery.MessageId).Distinct(StringComparer.Ordinal)
            .Select(m => Key("MSG#" + m, "MESSAGE")), cancellationToken)).Select(i => i.Str("Id")).ToHashSet(StringComparer.Ordinal);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var claimed = new List<Delivery>();
        foreach (var marker in markers)
        {
            if (claimed.Count >= max) break;
            if (!states.TryGetValue(marker.Num("DeliveryId"), out var state)) continue; // intake still writing it
            var d = state.Delivery;
            if (!IsDue(d.Status))
            {
                await _items.DeleteMarkerAsync(d, state.Version, cancellationToken);
                continue;
            }
            var lane = d.UserId is null ? null : $"{d.UserId}|{d.Target}";
            if (lane is not null && blocked.Contains(lane)) continue;
            var leased = state.LeaseUntil is { } until && until >= now;
            if ((d.Status == DeliveryStatus.Retrying && d.NextAttemptAt > now) || (leased && state.LeaseOwner != owner) || !committed.Contains(d.MessageId))
            {
                if (lane is not null) blocked.Add(lane);
                continue;
            }
            if (leased) continue; // already ours
            var taken = await _items.ChangeDeliveryAsync(d.Id, current => IsClaimable(current, owner, now)
                ? new DeliveryChange(current with { LeaseOwner = owner, LeaseUntil = leaseUntil }, false, null)
                : null, cancellationToken);
            if (taken is null)
            {
                if (lane is not null) blocked.Add(lane);
                continue;
            }
            claimed.Add(taken.Delivery);
        }
        return claimed;
    }

    public async Task<bool> CompleteDeliveryAsync(string owner, DeliveryUpdate update, CancellationToken cancellationToken)
    {
        var done = await _items.ChangeDeliveryAsync(update.DeliveryId, current => current.LeaseOwner != owner ? null : new DeliveryChange(
            current with
            {
                Delivery = current.Delivery with
                {
                    Status = update.Status,
                    Attempts = current.Delivery.Attempts + (update.CountsAsAttempt ? 1 : 0),
                    NextAttemptAt = update.NextAttemptAt,
                    LastError = update.Error,
                    ExternalId = update.ExternalId ?? current.Delivery.ExternalId,
                    UpdatedAt = update.At,
                },
                LeaseOwner = null, LeaseUntil = null,
            }, true, update.Error ?? update.ExternalId), cancellationToken);
        return done is not null;
    }

    /// <summary>One Version-conditioned write per delivery, like every other change of a delivery item.</summary>
    public async Task<IReadOnlyList<long>> RenewLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var renewed = new List<long>();
        foreach (var id in deliveryIds)
        {
            var kept = await _items.ChangeDeliveryAsync(id, current => current.LeaseOwner != owner || !IsDue(current.Delivery.Status) ? null
                : new DeliveryChange(current with { LeaseUntil = leaseUntil }, false, null), cancellationToken);
            if (kept is not null) renewed.Add(id);
        }
        return renewed;
    }

    public async Task ReleaseLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        foreach (var id in deliveryIds)
        {
            await _items.ChangeDeliveryAsync(id, current => current.LeaseOwner != owner ? null
                : new DeliveryChange(current with { LeaseOwner = null, LeaseUntil = null }, false, null), cancellationToken);
        }
    }

    /// <summary>Goes through the user's waiting deliveries only (their queue items), never their history.</summary>
    public async Task<int> QueueUserDeliveriesAsync(string userId, DeliveryTarget target, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var w in (await _queue.ReadAsync(userId, null, cancellationToken)).Waiting)
        {
            if (!IsDue(w.Status)) continue;
            if (await ChangeStatusAsync(w.DeliveryId, s => (s.Delivery.UserId ?? "") == userId && s.Delivery.Target == target && IsDue(s.Delivery.Status),
                    DeliveryStatus.Queued, null, reason, now, cancellationToken)) changed++;
        }
        return changed;
    }

    /// <summary>Goes through the user's waiting deliveries only (their queue items), never their history.</summary>
    public async Task<int> MakeUserDeliveriesDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var w in (await _queue.ReadAsync(userId, null, cancellationToken)).Waiting)
        {
            if (w.Status is not (DeliveryStatus.Queued or DeliveryStatus.Retrying)) continue;
            if (await ChangeStatusAsync(w.DeliveryId, s => (s.Delivery.UserId ?? "") == userId && s.Delivery.Status is DeliveryStatus.Queued or DeliveryStatus.Retrying,
                    DeliveryStatus.Pending, null, "Due now", now, cancellationToken)) changed++;
        }
        return changed;
    }

    /// <summary>
    /// The 15-minute sweep (cluster-once): reads each user's queue items, and on the way repairs those a
    /// crash left out of step with their delivery (<see cref="DynamoDbQueueItems"/>). Costs the users and their undelivered mail.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListUsersWithQueuedDeliveriesAsync(CancellationToken cancellationToken)
    {
        var users = new List<string>();
        foreach (var lane in await _items.ListLanesAsync(cancellationToken))
        {
            var waiting = await _queue.RepairAsync(lane, cancellationToken);
            if (lane.Length > 0 && waiting.Any(w => w.Status == DeliveryStatus.Queued)) users.Add(lane);
        }
        return users;
    }

    public async Task<Delivery?> FindDeliveryAsync(long deliveryId, CancellationToken cancellationToken) =>
        await table.GetAsync(DeliveryPk(deliveryId), "DELIVERY", cancellationToken) is { } item ? ReadState(item).Delivery : null;

    public Task<IReadOnlyList<Delivery>> ListDeliveriesOfMessageAsync(string messageId, CancellationToken cancellationToken) =>
        _items.OfMessageAsync(messageId, cancellationToken);

    public async Task<IReadOnlyList<DeliveryEvent>> ListDeliveryEventsAsync(long deliveryId, CancellationToken cancellationToken) =>
        (await table.QueryAsync(Partition(DeliveryPk(deliveryId), "EVENT#"), cancellationToken))
            .Select(i => new DeliveryEvent(i.Num("DeliveryId"), i.Time("At"), i.Enum<DeliveryStatus>("Status"), i.OptStr("Detail"))).ToList();

    public Task<bool> ChangeDeliveryStatusAsync(long deliveryId, IReadOnlyCollection<DeliveryStatus> from, DeliveryStatus to, string? userId, string detail, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeStatusAsync(deliveryId, s => from.Contains(s.Delivery.Status), to, userId, detail, now, cancellationToken);

    /// <summary>The admin and queue changes: new status, due now, lease freed, the reason kept for waiting states, one event.</summary>
    private async Task<bool> ChangeStatusAsync(long id, Func<DeliveryState, bool> applies, DeliveryStatus to, string? newUserId, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await _items.ChangeDeliveryAsync(id, current => !applies(current) ? null : new DeliveryChange(current with
        {
            Delivery = current.Delivery with
            {
                Status = to, NextAttemptAt = now, UpdatedAt = now,
                LastError = to is DeliveryStatus.Queued or DeliveryStatus.Held or DeliveryStatus.Failed ? detail : current.Delivery.LastError,
                UserId = newUserId ?? current.Delivery.UserId,
            },
            LeaseOwner = null, LeaseUntil = null,
        }, true, detail), cancellationToken);
        return changed is not null;
    }

    private static bool IsClaimable(DeliveryState s, string owner, DateTimeOffset now) =>
        (s.Delivery.Status == DeliveryStatus.Pending || (s.Delivery.Status == DeliveryStatus.Retrying && s.Delivery.NextAttemptAt <= now))
        && (s.LeaseUntil is null || s.LeaseUntil < now);

    /// <summary>One Query per user of their queue items (undelivered deliveries and the delivered count): the users and their waiting mail, not history.</summary>
    public async Task<IReadOnlyList<UserQueueSummary>> SummarizeQueuesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<UserQueueSummary>();
        foreach (var lane in await _items.ListLanesAsync(cancellationToken))
        {
            var (waiting, delivered) = await _queue.ReadAsync(lane, null, cancellationToken);
            // A lane whose mail all moved to another user (held mail released to someone) or was dropped has nothing to show.
            if (waiting.Count > 0 || delivered > 0) summaries.Add(DynamoDbQueueItems.Summarize(lane, waiting, delivered));
        }
        return summaries.OrderBy(s => s.UserId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The user's queue items; with <paramref name="createdUpTo"/>, the waiting ones created up to it, and the
    /// delivered count less the deliveries created after it (read newest first from the lane until one is
    /// older, so it costs the mail since then). A delivery added later to an older message sorts among the
    /// old ones and is then counted as created before.
    /// </summary>
    public async Task<UserQueueSummary> SummarizeUserQueueAsync(string userId, DateTimeOffset? createdUpTo, CancellationToken cancellationToken)
    {
        var (waiting, delivered) = await _queue.ReadAsync(userId, createdUpTo, cancellationToken);
        if (createdUpTo is not { } upTo) return DynamoDbQueueItems.Summarize(userId, waiting, delivered);
        var total = (await _queue.ReadAsync(userId, null, cancellationToken)).Delivered;
        var deliveredSince = 0;
        await foreach (var item in table.ReadAsync(Index("LANE#" + userId, newestFirst: true), cancellationToken))
        {
            var d = ReadState(item).Delivery;
            if (d.CreatedAt <= upTo) break;
            if (d.Status == DeliveryStatus.Delivered) deliveredSince++;
        }
        return DynamoDbQueueItems.Summarize(userId, waiting, Math.Max(0, total - deliveredSince));
    }
}
