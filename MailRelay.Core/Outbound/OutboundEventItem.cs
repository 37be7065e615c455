namespace MailRelay.Core.Outbound;

/// <summary>One received SES event and the handle its source needs to acknowledge it.</summary>
public sealed record OutboundEventItem(string Handle, OutboundEvent Event);
