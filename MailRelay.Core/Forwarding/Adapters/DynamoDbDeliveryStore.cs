using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using static MailRelay.Core.Forwarding.Adapters.DynamoDbDeliveryItems;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// Claims, outcomes and queue changes of deliveries, and the queue summaries read from the users'
/// lanes. How a delivery item is keyed and changed is <see cref="DynamoDbDeliveryItems"/>.
/// </summary>
public sealed class DynamoDbDeliveryStore(DynamoDbTable table) : IDeliveryStore
{
    private readonly DynamoDbDeliveryItems _items = new(table);

    /// <summary>
    /// Reads the DUE markers in received order (one Query, as long as the due backlog) and the items
    /// they point at, then leases with a Version-conditioned write, so two instances never hold the
    /// same delivery. Lane order is kept in memory exactly as the SQL NOT EXISTS does.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> ClaimDueDeliveriesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var markers = await table.QueryAsync(Partition("DUE"), cancellationToken);
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

    public async Task<int> QueueUserDeliveriesAsync(string userId, DeliveryTarget target, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var d in await _items.LaneDeliveriesAsync(userId, cancellationToken))
        {
            if (d.Target != target || !IsDue(d.Status)) continue;
            if (await ChangeStatusAsync(d.Id, s => s.Delivery.Target == target && IsDue(s.Delivery.Status), DeliveryStatus.Queued, null, reason, now, cancellationToken)) changed++;
        }
        return changed;
    }

    public async Task<int> MakeUserDeliveriesDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var d in await _items.LaneDeliveriesAsync(userId, cancellationToken))
        {
            if (d.Status is not (DeliveryStatus.Queued or DeliveryStatus.Retrying)) continue;
            if (await ChangeStatusAsync(d.Id, s => s.Delivery.Status is DeliveryStatus.Queued or DeliveryStatus.Retrying, DeliveryStatus.Pending, null, "Due now", now, cancellationToken)) changed++;
        }
        return changed;
    }

    /// <summary>Reads every lane (user) and its deliveries: bounded by the users, run by the 15-minute sweep.</summary>
    public async Task<IReadOnlyList<string>> ListUsersWithQueuedDeliveriesAsync(CancellationToken cancellationToken)
    {
        var users = new List<string>();
        foreach (var lane in await _items.ListLanesAsync(cancellationToken))
        {
            if (lane.Length > 0 && (await _items.LaneDeliveriesAsync(lane, cancellationToken)).Any(d => d.Status == DeliveryStatus.Queued)) users.Add(lane);
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

    private static readonly DeliveryStatus[] Waiting =
        [DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying, DeliveryStatus.Held, DeliveryStatus.Failed];

    /// <summary>Every lane's deliveries from GSI1 (an admin page, bounded by the retained deliveries), one summary per user.</summary>
    public async Task<IReadOnlyList<UserQueueSummary>> SummarizeQueuesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<UserQueueSummary>();
        foreach (var lane in await _items.ListLanesAsync(cancellationToken))
        {
            var deliveries = await _items.LaneDeliveriesAsync(lane, cancellationToken);
            if (deliveries.Count > 0) summaries.Add(Summarize(lane, deliveries));
        }
        return summaries.OrderBy(s => s.UserId, StringComparer.Ordinal).ToList();
    }

    public async Task<UserQueueSummary> SummarizeUserQueueAsync(string userId, DateTimeOffset? createdUpTo, CancellationToken cancellationToken)
    {
        var deliveries = await _items.LaneDeliveriesAsync(userId, cancellationToken);
        return Summarize(userId, deliveries.Where(d => createdUpTo is null || d.CreatedAt <= createdUpTo).ToList());
    }

    private static UserQueueSummary Summarize(string userId, IReadOnlyList<Delivery> deliveries)
    {
        int Count(DeliveryStatus status) => deliveries.Count(d => d.Status == status);
        var oldest = deliveries.Where(d => Waiting.Contains(d.Status)).Select(d => (DateTimeOffset?)d.CreatedAt).Min();
        return new UserQueueSummary(userId, Count(DeliveryStatus.Pending), Count(DeliveryStatus.Queued), Count(DeliveryStatus.Retrying),
            Count(DeliveryStatus.Held), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Delivered), oldest);
    }
}
