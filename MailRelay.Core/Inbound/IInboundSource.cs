namespace MailRelay.Core.Inbound;

/// <summary>
/// New-mail notifications. Local: <c>.eml</c> files in a drop folder; AWS: an SQS queue fed by
/// SES → SNS. An item is acknowledged only after its message and deliveries are stored.
/// </summary>
public interface IInboundSource
{
    /// <summary>Returns up to <paramref name="maxItems"/> items, waiting briefly (long poll) when there are none.</summary>
    Task<IReadOnlyList<InboundItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken);

    /// <summary>The item is stored: remove it from the source (SQS delete, file removed).</summary>
    Task AcknowledgeAsync(InboundItem item, CancellationToken cancellationToken);

    /// <summary>The item could not be stored now: make it visible again after <paramref name="retryAfter"/>.</summary>
    Task AbandonAsync(InboundItem item, TimeSpan retryAfter, CancellationToken cancellationToken);

    /// <summary>Items waiting in the source, for the queue pages (approximate for SQS).</summary>
    Task<int> CountWaitingAsync(CancellationToken cancellationToken);
}
