namespace MailRelay.Core.Smtp.Adapters;

/// <summary>Used when no job host is registered: the work waits for whoever sweeps next.</summary>
public sealed class NoSmtpProvisioningScheduler : ISmtpProvisioningScheduler
{
    public Task RunSoonAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
