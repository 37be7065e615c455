using MailRelay.Core.Queues;

namespace MailRelay.Core.Forwarding;

/// <summary>Deliveries: one per message and target (a user's mailbox), claimed with leases, retried, held and released.</summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due deliveries (Pending, or Retrying whose time has come)
    /// to <paramref name="owner"/> until <paramref name="leaseUntil"/>, oldest message first. A delivery is not
    /// due while an earlier one of the same user and target is waiting to retry or is leased to
    /// someone else, so each user's mail arrives in received order. Expired leases are taken over.
    /// </summary>
    Task<IReadOnlyList<Delivery>> ClaimDueDeliveriesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Records an attempt's result and frees the lease; false when the lease is no longer the owner's.</summary>
    Task<bool> CompleteDeliveryAsync(string owner, DeliveryUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// The heartbeat: extends to <paramref name="leaseUntil"/> the leases among <paramref name="deliveryIds"/>
    /// that <paramref name="owner"/> still holds (leased to it and not completed), and returns their ids.
    /// A lease another owner took over, or a delivery already completed or released, is left as it is.
    /// </summary>
    Task<IReadOnlyList<long>> RenewLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Frees leases without recording anything (the work was not attempted).</summary>
    Task ReleaseLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken);

    /// <summary>Moves the user's Pending and Retrying deliveries of the target to Queued (waiting for Gmail).</summary>
    Task<int> QueueUserDeliveriesAsync(string userId, DeliveryTarget target, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Makes the user's Queued and Retrying deliveries due now; returns how many.</summary>
    Task<int> MakeUserDeliveriesDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Users with Queued deliveries, for the sweep.</summary>
    Task<IReadOnlyList<string>> ListUsersWithQueuedDeliveriesAsync(CancellationToken cancellationToken);

    Task<Delivery?> FindDeliveryAsync(long deliveryId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Delivery>> ListDeliveriesOfMessageAsync(string messageId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryEvent>> ListDeliveryEventsAsync(long deliveryId, CancellationToken cancellationToken);

    /// <summary>Changes a delivery's status if it is currently one of <paramref name="from"/> (admin retry, release, purge).</summary>
    Task<bool> ChangeDeliveryStatusAsync(long deliveryId, IReadOnlyCollection<DeliveryStatus> from, DeliveryStatus to, string? userId, string detail, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserQueueSummary>> SummarizeQueuesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One user's delivery counts per status (all targets) and their oldest undelivered delivery;
    /// with <paramref name="createdUpTo"/>, only deliveries created at or before it. All zero when none.
    /// </summary>
    Task<UserQueueSummary> SummarizeUserQueueAsync(string userId, DateTimeOffset? createdUpTo, CancellationToken cancellationToken);
}
