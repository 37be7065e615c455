namespace MailRelay.Core.Smtp;

/// <summary>Asks the background provisioning to run as soon as possible (an SMTP user was created, retried or deleted).</summary>
public interface ISmtpProvisioningScheduler
{
    Task RunSoonAsync(CancellationToken cancellationToken);
}
