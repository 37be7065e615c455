using MailRelay.Core.Outbound;

namespace MailRelay.Core.Attention;

/// <summary>Everything the admin dashboard shows, read at <see cref="At"/>; an empty list or a zero count is "all clear".</summary>
public sealed record AttentionReport(
    DateTimeOffset At,
    DeliveryAttention Deliveries,
    IReadOnlyList<GmailAttentionItem> Gmail,
    IReadOnlyList<OutboundRates> SendingRates,
    IReadOnlyList<DnsAttentionItem> Dns);
