using MailRelay.Core.Smtp;
using MailRelay.Workers.Jobs;

namespace MailRelay.Workers.Hosting;

/// <summary>Fires the provisioning job now; if it is running, Quartz runs it again right after.</summary>
public sealed class QuartzSmtpProvisioningScheduler(JobTrigger trigger) : ISmtpProvisioningScheduler
{
    public Task RunSoonAsync(CancellationToken cancellationToken) =>
        trigger.TriggerNowAsync(BackgroundJob<ProvisionDueSmtpUsers>.Name, cancellationToken);
}
