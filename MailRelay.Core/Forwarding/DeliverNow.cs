using MailRelay.Core.Audit;
using MailRelay.Core.Common;

namespace MailRelay.Core.Forwarding;

/// <summary>"Deliver now" for one user: after a Gmail renewal, from My queue, or an admin's retry.</summary>
public sealed class DeliverNow(IDeliveryStore deliveryStore, IForwardingScheduler scheduler, RelayEvents events, AuditLog audit, TimeProvider time)
{
    public async Task<int> ForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var due = await deliveryStore.MakeUserDeliveriesDueAsync(userId, time.GetUtcNow(), cancellationToken);
        await scheduler.RunSoonAsync(cancellationToken);
        events.Publish(new RelayChange("deliveries.changed", userId, null));
        return due;
    }

    /// <summary>A person asked for it (My queue, the API): the same as <see cref="ForUserAsync"/>, and audited.</summary>
    public async Task<int> AskedByAsync(string actorId, string userId, CancellationToken cancellationToken)
    {
        var due = await ForUserAsync(userId, cancellationToken);
        await audit.RecordAsync(actorId, AuditActions.QueueDeliverNow, userId, $"{due} made due", cancellationToken);
        return due;
    }
}
