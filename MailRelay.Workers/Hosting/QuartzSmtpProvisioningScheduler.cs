using MailRelay.Core.Ports;
using MailRelay.Workers.Jobs;
using Quartz;

namespace MailRelay.Workers.Hosting;

/// <summary>Fires the provisioning job now; if it is running, Quartz runs it again right after.</summary>
public sealed class QuartzSmtpProvisioningScheduler(QuartzHostedService host) : ISmtpProvisioningScheduler
{
    public Task RunSoonAsync(CancellationToken cancellationToken) =>
        host.IsStarted ? host.Scheduler.TriggerJob(new JobKey(nameof(ProvisionSmtpUsersJob)), cancellationToken) : Task.CompletedTask;
}
