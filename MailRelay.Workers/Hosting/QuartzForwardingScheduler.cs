using MailRelay.Core.Ports;
using MailRelay.Workers.Jobs;
using Quartz;

namespace MailRelay.Workers.Hosting;

/// <summary>Fires the forwarding job now; if it is running, Quartz runs it again right after.</summary>
public sealed class QuartzForwardingScheduler(QuartzHostedService host) : IForwardingScheduler
{
    public Task RunSoonAsync(CancellationToken cancellationToken) =>
        host.IsStarted ? host.Scheduler.TriggerJob(new JobKey(nameof(ForwardMailJob)), cancellationToken) : Task.CompletedTask;
}
