using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Storage;
using MailRelay.Core.Users;

namespace MailRelay.Core.Queues;

/// <summary>Admins' actions on deliveries: retry, release and purge, each audited.</summary>
public sealed class QueueAdmin(IDeliveryStore deliveryStore, IUserStore userStore, IMessageStore messageStore, IBlobStore blobs, IForwardingScheduler forwarding, AuditLog audit, RelayEvents events, TimeProvider time)
{
    private static readonly DeliveryStatus[] Retryable = [DeliveryStatus.Failed, DeliveryStatus.Retrying, DeliveryStatus.Queued];
    private static readonly DeliveryStatus[] Open = [DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying, DeliveryStatus.Held, DeliveryStatus.Failed];

    /// <summary>Makes a failed, retrying or queued delivery due now; the delivery as it is after the change, or NotFound or Conflict.</summary>
    public async Task<Result<Delivery>> RetryAsync(string actorId, long deliveryId, CancellationToken cancellationToken)
    {
        if (!await deliveryStore.ChangeDeliveryStatusAsync(deliveryId, Retryable, DeliveryStatus.Pending, null, $"Retry asked by {actorId}", time.GetUtcNow(), cancellationToken))
            return await deliveryStore.FindDeliveryAsync(deliveryId, cancellationToken) is null
                ? NoSuchDelivery
                : Failure.Conflict("Only failed, retrying or queued deliveries can be retried.");
        return await AfterChangeAsync(actorId, AuditActions.DeliveryRetry, deliveryId, cancellationToken);
    }

    /// <summary>
    /// Releases a held delivery; one held for lack of a route needs the user who should receive it.
    /// Every refusal but an unknown id is a Conflict with the delivery's state (the API has always answered 409).
    /// </summary>
    public async Task<Result<Delivery>> ReleaseAsync(string actorId, long deliveryId, string? assignToUserId, CancellationToken cancellationToken)
    {
        var delivery = await deliveryStore.FindDeliveryAsync(deliveryId, cancellationToken);
        if (delivery is null) return NoSuchDelivery;
        if (delivery.Status != DeliveryStatus.Held) return Failure.Conflict("Only held deliveries can be released.");
        if (delivery.UserId is null && string.IsNullOrWhiteSpace(assignToUserId)) return Failure.Conflict("Choose the user who should receive this message.");
        if (assignToUserId is not null && await userStore.FindUserAsync(assignToUserId, cancellationToken) is null)
            return Failure.Conflict($"There is no user '{assignToUserId}'.");
        if (!await deliveryStore.ChangeDeliveryStatusAsync(deliveryId, [DeliveryStatus.Held], DeliveryStatus.Pending, delivery.UserId is null ? assignToUserId : null,
                $"Released by {actorId}", time.GetUtcNow(), cancellationToken))
            return Failure.Conflict("The delivery changed meanwhile; reload and try again.");
        return await AfterChangeAsync(actorId, AuditActions.DeliveryRelease, deliveryId, cancellationToken);
    }

    /// <summary>Drops every open delivery of the message and deletes its raw bytes. Delivered copies stay where they are.</summary>
    public async Task<Result> PurgeAsync(string actorId, string messageId, CancellationToken cancellationToken)
    {
        var message = await messageStore.FindMessageAsync(messageId, cancellationToken);
        if (message is null) return Failure.NotFound("There is no such message.");
        foreach (var delivery in await deliveryStore.ListDeliveriesOfMessageAsync(messageId, cancellationToken))
            await deliveryStore.ChangeDeliveryStatusAsync(delivery.Id, Open, DeliveryStatus.Dropped, null, $"Purged by {actorId}", time.GetUtcNow(), cancellationToken);
        await blobs.DeleteAsync(message.BlobKey, cancellationToken);
        await messageStore.MarkBlobsDeletedAsync([messageId], cancellationToken);
        await audit.RecordAsync(actorId, AuditActions.MessagePurge, messageId, message.Summary.Subject, cancellationToken);
        events.Publish(new RelayChange("deliveries.changed", null, messageId));
        return Result.Ok();
    }

    private static Failure NoSuchDelivery => Failure.NotFound("There is no such delivery.");

    private async Task<Result<Delivery>> AfterChangeAsync(string actorId, string action, long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await deliveryStore.FindDeliveryAsync(deliveryId, cancellationToken);
        await audit.RecordAsync(actorId, action, $"delivery {deliveryId}", $"message {delivery?.MessageId} to {delivery?.UserId ?? delivery?.Recipient}", cancellationToken);
        await forwarding.RunSoonAsync(cancellationToken);
        events.Publish(new RelayChange("deliveries.changed", delivery?.UserId, delivery?.MessageId));
        return delivery is null ? NoSuchDelivery : delivery;
    }
}
