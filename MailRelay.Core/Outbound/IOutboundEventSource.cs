namespace MailRelay.Core.Outbound;

/// <summary>
/// SES configuration-set events about mail sent with the SMTP credentials. Local: a folder of JSON
/// files; AWS: the SQS queue the event destination's SNS topic feeds. Bodies that are not usable
/// events are never returned; each source keeps them where an admin can look (a folder, the DLQ).
/// </summary>
public interface IOutboundEventSource
{
    Task<IReadOnlyList<OutboundEventItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken);

    /// <summary>Removes the event from the source once it is recorded.</summary>
    Task AcknowledgeAsync(OutboundEventItem item, CancellationToken cancellationToken);
}
