using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

public partial interface IRelayStore
{
    /// <summary>
    /// Records the event for the credential (empty when no credential matched). False when an event
    /// with the same SES message id and type is already recorded: a redelivered event counts once.
    /// </summary>
    Task<bool> RecordOutboundEventAsync(OutboundEvent outboundEvent, string smtpUserId, CancellationToken cancellationToken);

    /// <summary>Event counts per credential since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<OutboundRates>> SummarizeOutboundAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
