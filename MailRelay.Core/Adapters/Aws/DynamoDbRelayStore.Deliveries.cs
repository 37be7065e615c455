using MailRelay.Core.Domain;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

public sealed partial class DynamoDbRelayStore
{
    /// <summary>
    /// Reads the DUE markers in received order (one Query, as long as the due backlog) and the items
    /// they point at, then leases with a Version-conditioned write, so two instances never hold the
    /// same delivery. Lane order is kept in memory exactly as the SQL NOT EXISTS does.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> ClaimDueDeliveriesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var markers = await QueryAsync(Partition("DUE"), cancellationToken);
        var states = (await BatchGetAsync(markers.Select(m => Key(DeliveryPk(m.Num("DeliveryId")), "DELIVERY")), cancellationToken))
            .Select(ReadState).ToDictionary(s => s.Delivery.Id);
        var committed = (await BatchGetAsync(states.Values.Select(s => s.Delivery.MessageId).Distinct(StringComparer.Ordinal)
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
                await DeleteMarkerAsync(d, state.Version, cancellationToken);
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
            var taken = await ChangeDeliveryAsync(d.Id, current => IsClaimable(current, owner, now)
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
        var done = await ChangeDeliveryAsync(update.DeliveryId, current => current.LeaseOwner != owner ? null : new DeliveryChange(
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

    public async Task ReleaseLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        foreach (var id in deliveryIds)
        {
            await ChangeDeliveryAsync(id, current => current.LeaseOwner != owner ? null
                : new DeliveryChange(current with { LeaseOwner = null, LeaseUntil = null }, false, null), cancellationToken);
        }
    }

    public async Task<int> QueueUserDeliveriesAsync(string userId, DeliveryTarget target, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var d in await LaneDeliveriesAsync(userId, cancellationToken))
        {
            if (d.Target != target || !IsDue(d.Status)) continue;
            if (await ChangeStatusAsync(d.Id, s => s.Delivery.Target == target && IsDue(s.Delivery.Status), DeliveryStatus.Queued, null, reason, now, cancellationToken)) changed++;
        }
        return changed;
    }

    public async Task<int> MakeUserDeliveriesDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var d in await LaneDeliveriesAsync(userId, cancellationToken))
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
        foreach (var lane in await ListLanesAsync(cancellationToken))
        {
            if (lane.Length > 0 && (await LaneDeliveriesAsync(lane, cancellationToken)).Any(d => d.Status == DeliveryStatus.Queued)) users.Add(lane);
        }
        return users;
    }

    public async Task<Delivery?> FindDeliveryAsync(long deliveryId, CancellationToken cancellationToken) =>
        await GetAsync(DeliveryPk(deliveryId), "DELIVERY", cancellationToken) is { } item ? ReadState(item).Delivery : null;

    public async Task<IReadOnlyList<Delivery>> ListDeliveriesOfMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        var slots = await QueryAsync(Partition("MSG#" + messageId, "SLOT#"), cancellationToken);
        var items = await BatchGetAsync(slots.Select(s => Key(DeliveryPk(s.Num("Value")), "DELIVERY")), cancellationToken);
        return items.Select(i => ReadState(i).Delivery).OrderBy(d => d.Id).ToList();
    }

    public async Task<IReadOnlyList<DeliveryEvent>> ListDeliveryEventsAsync(long deliveryId, CancellationToken cancellationToken) =>
        (await QueryAsync(Partition(DeliveryPk(deliveryId), "EVENT#"), cancellationToken))
            .Select(i => new DeliveryEvent(i.Num("DeliveryId"), i.Time("At"), i.Enum<DeliveryStatus>("Status"), i.OptStr("Detail"))).ToList();

    public Task<bool> ChangeDeliveryStatusAsync(long deliveryId, IReadOnlyCollection<DeliveryStatus> from, DeliveryStatus to, string? userId, string detail, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeStatusAsync(deliveryId, s => from.Contains(s.Delivery.Status), to, userId, detail, now, cancellationToken);

    /// <summary>The admin and queue changes: new status, due now, lease freed, the reason kept for waiting states, one event.</summary>
    private async Task<bool> ChangeStatusAsync(long id, Func<DeliveryState, bool> applies, DeliveryStatus to, string? newUserId, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await ChangeDeliveryAsync(id, current => !applies(current) ? null : new DeliveryChange(current with
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
}
