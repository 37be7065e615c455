using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Outbound.Adapters;

/// <summary>
/// SES events from the SQS queue that the configuration set's SNS event destination feeds. Event
/// types MailRelay does not count are deleted; unusable bodies are left for the dead-letter queue.
/// </summary>
public sealed partial class SqsOutboundEventSource(SqsQueue queue, int waitTimeSeconds, ILogger<SqsOutboundEventSource> logger) : IOutboundEventSource
{
    public async Task<IReadOnlyList<OutboundEventItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var messages = await queue.ReceiveAsync(Math.Min(maxItems, SqsQueue.MaxMessagesPerReceive), waitTimeSeconds, null, cancellationToken);
        var items = new List<OutboundEventItem>(messages.Count);
        foreach (var message in messages)
        {
            var parsed = SesEventParser.Parse(message.Body);
            if (parsed.Event is { } outboundEvent) items.Add(new OutboundEventItem(message.ReceiptHandle, outboundEvent));
            else if (parsed.Ignored is not null) await queue.DeleteAsync(message.ReceiptHandle, cancellationToken);
            else LogUnusable(logger, message.MessageId, message.ReceiveCount, parsed.Error!);
        }
        return items;
    }

    public Task AcknowledgeAsync(OutboundEventItem item, CancellationToken cancellationToken) =>
        queue.DeleteAsync(item.Handle, cancellationToken);

    [LoggerMessage(LogLevel.Warning, "SQS message {SqsMessageId} (receive {ReceiveCount}) is not a usable SES event and is left for the dead-letter queue: {Reason}")]
    private static partial void LogUnusable(ILogger logger, string sqsMessageId, int? receiveCount, string reason);
}
