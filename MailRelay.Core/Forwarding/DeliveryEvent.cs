namespace MailRelay.Core.Forwarding;

/// <summary>One step of a delivery's timeline: an attempt's outcome or an admin action.</summary>
public sealed record DeliveryEvent(long DeliveryId, DateTimeOffset At, DeliveryStatus Status, string? Detail);
