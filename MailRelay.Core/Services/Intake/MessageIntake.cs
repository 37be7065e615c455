using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Core.Services.Mime;
using MailRelay.Core.Services.Routing;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Services.Intake;

/// <summary>
/// Stores a new message and the deliveries its routes call for, exactly once per message id.
/// The caller acknowledges the notification only after this returns, so a crash at any point
/// leaves the notification in its source to be tried again.
/// </summary>
public sealed partial class MessageIntake(IMessageStore messageStore, IBlobStore blobs, RouteCache routes, RelayEvents events, TimeProvider time, ILogger<MessageIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(InboundItem item, CancellationToken cancellationToken)
    {
        if (await messageStore.FindMessageAsync(item.MessageId, cancellationToken) is not null)
        {
            LogDuplicate(logger, item.MessageId, item.Source);
            return IntakeResult.Duplicate;
        }
        var blobKey = item.ExistingBlobKey ?? BlobKeys.ForMessage(item.MessageId);
        var size = await StoreBlobAsync(item, blobKey, cancellationToken);
        MessageSummary summary;
        await using (var raw = await blobs.OpenReadAsync(blobKey, cancellationToken))
            summary = await MessageHeaderReader.ReadSummaryAsync(raw, size, cancellationToken);

        var recipients = item.Recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
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

    private async Task<long> StoreBlobAsync(InboundItem item, string blobKey, CancellationToken cancellationToken)
    {
        if (item.ExistingBlobKey is not null) return await blobs.SizeAsync(blobKey, cancellationToken);
        if (item.OpenRaw is null) throw new InvalidOperationException($"Inbound item {item.MessageId} has neither a blob key nor raw bytes.");
        await using var raw = await item.OpenRaw(cancellationToken);
        return await blobs.PutAsync(blobKey, raw, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Message {MessageId} from {Source} was already stored; nothing changed")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string source);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} from {Source} stored with {DeliveryCount} deliveries (header problem: {HeaderProblem})")]
    private static partial void LogAccepted(ILogger logger, string messageId, string source, int deliveryCount, string? headerProblem);
}
