namespace MailRelay.Core.Outbound;

/// <summary>The SES configuration-set event types MailRelay counts per credential.</summary>
public enum OutboundEventType
{
    Send,
    Delivery,
    Bounce,
    Complaint,
}
