using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// New mail from the SQS queue that SES → SNS feeds. The raw message is already in S3 (SES's S3
/// action), so each item carries its object key and no <see cref="InboundItem.OpenRaw"/>.
/// </summary>
public sealed partial class SqsInboundSource(SqsQueue queue, IOptions<SqsInboundOptions> options, ILogger<SqsInboundSource> logger) : IInboundSource
{
    public const string SourceName = "ses";

    public async Task<IReadOnlyList<InboundItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var settings = options.Value;
        var messages = await queue.ReceiveAsync(
            Math.Min(maxItems, SqsQueue.MaxMessagesPerReceive), settings.WaitTimeSeconds, settings.VisibilityTimeoutSeconds, cancellationToken);

        var items = new List<InboundItem>(messages.Count);
        foreach (var message in messages)
        {
            var parsed = SesNotificationParser.Parse(message.Body);
            var error = parsed.Failure?.Message
                ?? (parsed.Value!.Action is { IsS3: true } ? null : "The SES receipt action is not S3, so there is no stored raw message to import.");
            if (error is not null)
            {
                // Deliberately neither deleted nor made visible again: the message reappears when its
                // visibility timeout ends, and after the queue's maxReceiveCount (5) SQS moves it to
                // the dead-letter queue, where an admin can read it. Nothing is dropped silently.
                LogUnusable(logger, message.MessageId, message.ReceiveCount, error);
                continue;
            }
            var notification = parsed.Value!;
            items.Add(new InboundItem(
                Handle: message.ReceiptHandle,
                MessageId: notification.MessageId,
                Source: SourceName,
                Recipients: notification.Recipients,
                Verdicts: notification.Verdicts,
                ReceivedAt: notification.ReceivedAt,
                ExistingBlobKey: notification.Action!.ObjectKey,
                OpenRaw: null));
        }
        return items;
    }

    public Task AcknowledgeAsync(InboundItem item, CancellationToken cancellationToken) =>
        queue.DeleteAsync(item.Handle, cancellationToken);

    public Task AbandonAsync(InboundItem item, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(retryAfter.TotalSeconds), 0, SqsQueue.MaxVisibilityTimeoutSeconds);
        return queue.ChangeVisibilityAsync(item.Handle, seconds, cancellationToken);
    }

    public Task<int> CountWaitingAsync(CancellationToken cancellationToken) =>
        queue.CountVisibleAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS message {SqsMessageId} (receive {ReceiveCount}) is not a usable SES notification and is left for the dead-letter queue: {Reason}")]
    private static partial void LogUnusable(ILogger logger, string sqsMessageId, int? receiveCount, string reason);
}
