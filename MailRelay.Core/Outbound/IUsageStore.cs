using MailRelay.Core.Common;

namespace MailRelay.Core.Outbound;

/// <summary>Usage per user and day, and the outbound SES events per credential that the sending rates and the usage page count.</summary>
public interface IUsageStore
{
    /// <summary>
    /// Per user and day of receipt, the deliveries of received mail by current status; newest day first, then
    /// by user id. With <see cref="PageRequest.After"/> the page continues after that cursor (same range).
    /// </summary>
    Task<Page<UsageRow>> ListUsageAsync(DayRange range, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Per SMTP credential and day, the counted SES events; newest day first, then by credential; <see cref="PageRequest.After"/> as above.</summary>
    Task<Page<OutboundUsageRow>> ListOutboundUsageAsync(DayRange range, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Records the event for the credential (empty when no credential matched). False when an event
    /// with the same SES message id and type is already recorded: a redelivered event counts once.
    /// </summary>
    Task<bool> RecordOutboundEventAsync(OutboundEvent outboundEvent, string smtpUserId, CancellationToken cancellationToken);

    /// <summary>Event counts per credential since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<OutboundRates>> SummarizeOutboundAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
