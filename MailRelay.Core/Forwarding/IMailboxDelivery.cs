namespace MailRelay.Core.Forwarding;

/// <summary>
/// Puts a message into a user's mailbox. Gmail: the Gmail API import with the user's refresh
/// token; local: a folder per user. Failures are results (<see cref="MailboxDeliveryOutcome"/>),
/// not exceptions, except cancellation.
/// </summary>
public interface IMailboxDelivery
{
    Task<MailboxDeliveryResult> DeliverAsync(MailboxDeliveryRequest request, CancellationToken cancellationToken);
}
