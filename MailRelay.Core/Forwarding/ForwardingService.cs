using System.Collections.Concurrent;
using MailRelay.Core.Cluster;
using MailRelay.Core.Common;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Metrics;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// Delivers due deliveries: claims a batch with a lease, serves users in parallel and each user's
/// mail one at a time in received order, and applies the error classes of ARCHITECTURE.md.
/// </summary>
public sealed partial class ForwardingService(
    IDeliveryStore deliveryStore, IMessageStore messageStore,
    IBlobStore blobs,
    MailboxDeliveries mailboxes,
    GmailConnectionHealth gmailHealth,
    IImportAllowance importAllowance,
    RelayEvents events,
    IOptions<ForwardingOptions> options,
    TimeProvider time,
    ILogger<ForwardingService> logger,
    MetricCounters counters,
    ClusterInstance instance)
{
    /// <summary>Identifies this process's leases (<see cref="ClusterInstance.Name"/>); another instance takes them over only once they expire.</summary>
    public string InstanceId => instance.Name;

    private readonly DeliveryAttempt _attempt = new(options.Value, time);

    /// <summary>Runs one batch; returns how many deliveries it claimed (0 = nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var leaseUntil = now + settings.LeaseDuration;
        var claimed = await deliveryStore.ClaimDueDeliveriesAsync(InstanceId, now, leaseUntil, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0) return 0;
        // Renews the leases while the batch runs and stops with it: a batch may outlast one lease.
        await using var heartbeat = new LeaseHeartbeat(deliveryStore, InstanceId, claimed.Select(d => d.Id), leaseUntil, settings.LeaseDuration, time, logger);
        // The batch's messages in one read, not one per delivery.
        var messages = await messageStore.FindMessagesAsync(claimed.Select(d => d.MessageId).ToList(), cancellationToken);
        var lanes = claimed.GroupBy(d => (d.UserId, d.Target)).Select(g => g.ToList()).ToList();
        var blobsDeleted = new ConcurrentQueue<string>();
        try
        {
            await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = settings.ParallelUsers, CancellationToken = cancellationToken },
                async (lane, token) => await DeliverLaneAsync(lane, new LaneState(messages, blobsDeleted), heartbeat, token));
        }
        finally
        {
            // One write for the batch, not one per message. Should it not happen, the sweep finds those
            // messages' blobs unmarked, deletes them again (they are gone: no harm) and marks them.
            await messageStore.MarkBlobsDeletedAsync(blobsDeleted.ToList(), CancellationToken.None);
        }
        return claimed.Count;
    }

    private async Task DeliverLaneAsync(List<Delivery> lane, LaneState state, LeaseHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var imports = new LaneImports(importAllowance, lane[0], lane.Count, options.Value.ImportsPerMinutePerUser, time, logger);
        for (var i = 0; i < lane.Count; i++)
        {
            if (!cancellationToken.IsCancellationRequested && !heartbeat.Holds(lane[i].Id))
            {
                // Another instance may hold the lane now: it delivers this one and the rest, in order.
                LogLaneLeaseLost(logger, lane[i].Id, lane[i].UserId);
                await ReleaseAsync(lane.Skip(i), heartbeat);
                break;
            }
            if (!cancellationToken.IsCancellationRequested && await imports.TakeAsync(cancellationToken) is { } windowEnds)
            {
                // The user's imports of this minute are used (on any instance). The lane waits in the store,
                // its first delivery due when the window ends and the rest behind it, so this batch and
                // every other user's mail go on meanwhile. Not an attempt: nothing was tried.
                await CompleteAsync(lane[i], DeliveryStatus.Retrying, false, windowEnds,
                    $"Gmail's limit of {options.Value.ImportsPerMinutePerUser} imports a minute for this user is reached; waits for the next minute.", null);
                heartbeat.Forget([lane[i].Id]);
                await ReleaseAsync(lane.Skip(i + 1), heartbeat);
                break;
            }
            var goesOn = !cancellationToken.IsCancellationRequested && await DeliverOneAsync(lane[i], state, cancellationToken);
            heartbeat.Forget([lane[i].Id]);
            if (!goesOn)
            {
                // The rest of the lane waits behind this one to keep received order; free it untouched.
                await ReleaseAsync(lane.Skip(i + 1), heartbeat);
                break;
            }
        }
        events.Publish(new RelayChange("deliveries.changed", lane[0].UserId, null));
    }

    private async Task ReleaseAsync(IEnumerable<Delivery> rest, LeaseHeartbeat heartbeat)
    {
        var ids = rest.Select(d => d.Id).ToList();
        heartbeat.Forget(ids);
        await deliveryStore.ReleaseLeasesAsync(InstanceId, ids, CancellationToken.None);
    }

    /// <summary>Delivers one; returns false when the user's later mail must wait (token or transient failure).</summary>
    private async Task<bool> DeliverOneAsync(Delivery delivery, LaneState lane, CancellationToken cancellationToken)
    {
        var message = lane.Messages.GetValueOrDefault(delivery.MessageId)
            ?? throw new InvalidOperationException($"Delivery {delivery.Id} points at missing message {delivery.MessageId}.");
        if (delivery.UserId is null || delivery.Target == DeliveryTarget.None)
        {
            await CompleteAsync(delivery, DeliveryStatus.Held, false, null, "There is no mailbox to deliver to; held for an admin.", null);
            return true;
        }
        var request = new MailboxDeliveryRequest(delivery.UserId, delivery.MessageId, message.Summary.SizeBytes, delivery.MarkAsSpam,
            token => blobs.OpenReadAsync(message.BlobKey, token));
        MailboxDeliveryResult result;
        try
        {
            result = await _attempt.RunAsync(mailboxes.For(delivery.Target), request, cancellationToken);
        }
        catch (BlobNotFoundException e)
        {
            result = MailboxDeliveryResult.Refused(e.Message);
        }
        return await RecordAsync(delivery, message, result, lane);
    }

    private async Task<bool> RecordAsync(Delivery delivery, StoredMessage message, MailboxDeliveryResult result, LaneState lane)
    {
        switch (result.Outcome)
        {
            case MailboxDeliveryOutcome.Delivered:
                await CompleteAsync(delivery, DeliveryStatus.Delivered, true, null, null, result.ExternalId);
                counters.DeliveryOutcome(DeliveryStatus.Delivered);
                // Once per lane: a lane stops at the first token failure, so after one success the connection stays healthy for the rest of it.
                if (delivery.Target == DeliveryTarget.Gmail && !lane.GmailSucceeded)
                {
                    await gmailHealth.RecordSuccessAsync(delivery.UserId!, CancellationToken.None);
                    lane.GmailSucceeded = true;
                }
                LogDelivered(logger, delivery.MessageId, delivery.UserId!, delivery.Target);
                await DeleteBlobWhenFinishedAsync(message, lane);
                return true;
            case MailboxDeliveryOutcome.PermanentTokenError:
                // Marks the connection, queues this delivery and every other waiting one of the user
                // (freeing their leases), and tells the user once.
                await gmailHealth.RecordRefreshFailureAsync(delivery.UserId!, permanent: true, result.Error ?? "The Gmail connection cannot be used.", CancellationToken.None);
                return false;
            case MailboxDeliveryOutcome.MessageError:
                await CompleteAsync(delivery, DeliveryStatus.Failed, true, null, result.Error, null);
                counters.DeliveryOutcome(DeliveryStatus.Failed);
                LogFailed(logger, delivery.MessageId, delivery.UserId!, result.Error);
                return true;
            default:
                var next = RetrySchedule.Next(time.GetUtcNow(), delivery.Attempts + 1, result.RetryAfter, options.Value, Random.Shared);
                await CompleteAsync(delivery, DeliveryStatus.Retrying, true, next, result.Error, null);
                LogRetrying(logger, delivery.MessageId, delivery.UserId!, next, result.Error);
                if (result.TokenRefreshFailed)
                    await gmailHealth.RecordRefreshFailureAsync(delivery.UserId!, permanent: false, result.Error ?? "The token refresh failed.", CancellationToken.None);
                return false;
        }
    }

    private async Task CompleteAsync(Delivery delivery, DeliveryStatus status, bool attempt, DateTimeOffset? next, string? error, string? externalId)
    {
        // Written even when the job is being cancelled: the import may already have happened.
        var update = new DeliveryUpdate(delivery.Id, status, attempt, next, error, externalId, time.GetUtcNow());
        if (!await deliveryStore.CompleteDeliveryAsync(InstanceId, update, CancellationToken.None)) LogLeaseLost(logger, delivery.Id);
    }

    private async Task DeleteBlobWhenFinishedAsync(StoredMessage message, LaneState lane)
    {
        if (options.Value.BlobRetentionDays > 0 || !await messageStore.IsMessageFinishedAsync(message.Id, CancellationToken.None)) return;
        await blobs.DeleteAsync(message.BlobKey, CancellationToken.None);
        lane.BlobsDeleted.Enqueue(message.Id);
    }

    /// <summary>What one lane has learnt while it runs.</summary>
    private sealed class LaneState(IReadOnlyDictionary<string, StoredMessage> messages, ConcurrentQueue<string> blobsDeleted)
    {
        /// <summary>The messages of the batch the lane belongs to, read when it was claimed.</summary>
        public IReadOnlyDictionary<string, StoredMessage> Messages { get; } = messages;

        /// <summary>The batch's messages whose blob was deleted, marked so in the store when the batch ends.</summary>
        public ConcurrentQueue<string> BlobsDeleted { get; } = blobsDeleted;

        /// <summary>A Gmail import succeeded in this lane, and the connection's health has been recorded.</summary>
        public bool GmailSucceeded { get; set; }
    }

    [LoggerMessage(LogLevel.Information, "Message {MessageId} delivered to {UserId} ({Target})")]
    private static partial void LogDelivered(ILogger logger, string messageId, string userId, DeliveryTarget target);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} for {UserId} failed for good: {Error}")]
    private static partial void LogFailed(ILogger logger, string messageId, string userId, string? error);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} for {UserId} will be retried at {NextAttempt}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string messageId, string userId, DateTimeOffset nextAttempt, string? error);

    [LoggerMessage(LogLevel.Warning, "Lease of delivery {DeliveryId} for {UserId} was not renewed in time; the lane is left to the instance that holds it")]
    private static partial void LogLaneLeaseLost(ILogger logger, long deliveryId, string? userId);

    [LoggerMessage(LogLevel.Warning, "Lease of delivery {DeliveryId} was lost before its result was recorded")]
    private static partial void LogLeaseLost(ILogger logger, long deliveryId);
}
