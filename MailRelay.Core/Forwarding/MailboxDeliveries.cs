namespace MailRelay.Core.Forwarding;

/// <summary>
/// Picks the mailbox for a delivery's target: the configured Gmail adapter (the real Gmail API,
/// or the local mailbox standing in for it on embedded defaults) or always the local mailbox.
/// </summary>
public sealed class MailboxDeliveries(IMailboxDelivery gmail, IMailboxDelivery localMailbox)
{
    public IMailboxDelivery For(DeliveryTarget target) => target switch
    {
        DeliveryTarget.Gmail => gmail,
        DeliveryTarget.LocalMailbox => localMailbox,
        _ => throw new InvalidOperationException($"Deliveries to {target} are never attempted."),
    };
}
