using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound.Headers;
using MailRelay.Core.Routing;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Inbound;

/// <summary>
/// Stores a new message and the deliveries its routes call for, exactly once per message id.
/// The caller acknowledges the notification only after this returns, so a crash at any point
/// leaves the notification in its source to be tried again.
/// </summary>
public sealed partial class MessageIntake(IMessageStore messageStore, IBlobStore blobs, RouteCache routes, RelayEvents events, TimeProvider time, ILogger<MessageIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(InboundItem item, CancellationToken cancellationToken)
    {
        var recipients = item.DistinctRecipients().ToList();
        if (await messageStore.FindMessageAsync(item.MessageId, cancellationToken) is { } stored)
            return await AddNewRecipientsAsync(stored, recipients, item, cancellationToken);
        var blobKey = item.ExistingBlobKey ?? BlobKeys.ForMessage(item.MessageId);
        var summary = await StoreAndSummarizeAsync(item, blobKey, cancellationToken);

        var deliveries = recipients.Count == 0
            ? [new NewDelivery("(no recipient)", null, DeliveryTarget.None, DeliveryStatus.Held, false, "The message has no envelope recipients; held for an admin.")]
            : DeliveryPlanner.Plan(await routes.GetAsync(cancellationToken), recipients, item.Verdicts);
        var now = time.GetUtcNow();
        var message = new StoredMessage(item.MessageId, 0, item.Source, item.ReceivedAt ?? now, blobKey, recipients, item.Verdicts, summary, false);
        if (!await messageStore.AddMessageAsync(message, deliveries, now, cancellationToken)) return IntakeResult.Duplicate;

        LogAccepted(logger, item.MessageId, item.Source, deliveries.Count, summary.Problem);
        events.Publish(new RelayChange("message.received", null, item.MessageId));
        return IntakeResult.Accepted;
    }

    /// <summary>
    /// The same message id again (the same bytes dropped with another envelope, an SES notification
    /// repeated): recipients the stored message lacks get their deliveries; those it has are not
    /// delivered again.
    /// </summary>
    private async Task<IntakeResult> AddNewRecipientsAsync(StoredMessage stored, List<string> recipients, InboundItem item, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(stored.Recipients, StringComparer.OrdinalIgnoreCase);
        var fresh = recipients.Where(r => !known.Contains(r)).ToList();
        if (fresh.Count == 0)
        {
            LogDuplicate(logger, item.MessageId, item.Source);
            return IntakeResult.Duplicate;
        }
        // The bytes go back first: once the first recipients had it, the sweep may have deleted them.
        if (item.OpenRaw is not null && item.ExistingBlobKey is null) await StoreBlobAsync(item, stored.BlobKey, cancellationToken);
        var deliveries = DeliveryPlanner.Plan(await routes.GetAsync(cancellationToken), fresh, stored.Verdicts);
        var added = await messageStore.AddRecipientsAsync(stored.Id, fresh, deliveries, time.GetUtcNow(), cancellationToken);
        LogRecipientsAdded(logger, item.MessageId, item.Source, string.Join(", ", fresh), added.Count);
        events.Publish(new RelayChange("message.received", null, item.MessageId));
        return IntakeResult.RecipientsAdded;
    }

    /// <summary>
    /// Stores the raw bytes (unless the blob store has them already) and reads the summary from their
    /// header block. A source that can rewind is read once: its header block first, then all of it into
    /// the blob store. Otherwise the header block is read back from the stored blob.
    /// </summary>
    private async Task<MessageSummary> StoreAndSummarizeAsync(InboundItem item, string blobKey, CancellationToken cancellationToken)
    {
        if (item.ExistingBlobKey is not null) return await ReadStoredSummaryAsync(blobKey, await blobs.SizeAsync(blobKey, cancellationToken), cancellationToken);
        await using var raw = await OpenRawAsync(item, cancellationToken);
        if (!raw.CanSeek) return await ReadStoredSummaryAsync(blobKey, await blobs.PutAsync(blobKey, raw, cancellationToken), cancellationToken);
        var start = raw.Position;
        // The size is known once stored; the summary is read from the same bytes the blob store receives.
        var summary = await MessageHeaderReader.ReadSummaryAsync(raw, 0, cancellationToken);
        raw.Position = start;
        return summary with { SizeBytes = await blobs.PutAsync(blobKey, raw, cancellationToken) };
    }

    private async Task<MessageSummary> ReadStoredSummaryAsync(string blobKey, long size, CancellationToken cancellationToken)
    {
        await using var raw = await blobs.OpenReadAsync(blobKey, cancellationToken);
        return await MessageHeaderReader.ReadSummaryAsync(raw, size, cancellationToken);
    }

    private async Task StoreBlobAsync(InboundItem item, string blobKey, CancellationToken cancellationToken)
    {
        await using var raw = await OpenRawAsync(item, cancellationToken);
        await blobs.PutAsync(blobKey, raw, cancellationToken);
    }

    private static Task<Stream> OpenRawAsync(InboundItem item, CancellationToken cancellationToken) =>
        item.OpenRaw?.Invoke(cancellationToken) ?? throw new InvalidOperationException($"Inbound item {item.MessageId} has neither a blob key nor raw bytes.");

    [LoggerMessage(LogLevel.Information, "Message {MessageId} from {Source} was already stored; nothing changed")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string source);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} from {Source} was already stored; new recipients {Recipients} added with {DeliveryCount} deliveries")]
    private static partial void LogRecipientsAdded(ILogger logger, string messageId, string source, string recipients, int deliveryCount);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} from {Source} stored with {DeliveryCount} deliveries (header problem: {HeaderProblem})")]
    private static partial void LogAccepted(ILogger logger, string messageId, string source, int deliveryCount, string? headerProblem);
}
