using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

public partial interface IRelayStore
{
    /// <summary>Per user and day of receipt, the deliveries of received mail by current status; newest day first.</summary>
    Task<Page<UsageRow>> ListUsageAsync(DayRange range, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Per SMTP credential and day, the counted SES events; newest day first.</summary>
    Task<Page<OutboundUsageRow>> ListOutboundUsageAsync(DayRange range, int skip, int take, CancellationToken cancellationToken);
}
