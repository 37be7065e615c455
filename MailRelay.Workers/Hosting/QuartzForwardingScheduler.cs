using MailRelay.Core.Forwarding;
using MailRelay.Workers.Jobs;

namespace MailRelay.Workers.Hosting;

/// <summary>Fires the forwarding job now; if it is running, Quartz runs it again right after.</summary>
public sealed class QuartzForwardingScheduler(JobTrigger trigger) : IForwardingScheduler
{
    public Task RunSoonAsync(CancellationToken cancellationToken) =>
        trigger.TriggerNowAsync(BackgroundJob<ForwardDueMail>.Name, cancellationToken);
}
