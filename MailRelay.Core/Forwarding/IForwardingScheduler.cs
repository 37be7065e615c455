namespace MailRelay.Core.Forwarding;

/// <summary>Asks the background forwarding to run as soon as possible (new mail, a renewal, "Deliver now").</summary>
public interface IForwardingScheduler
{
    Task RunSoonAsync(CancellationToken cancellationToken);
}
