using Microsoft.Extensions.Hosting;
using Quartz;

namespace MailRelay.Workers.Hosting;

/// <summary>Fires a stored job at once, for the "run it now" schedulers.</summary>
public sealed class JobTrigger(ISchedulerFactory schedulers, IHostApplicationLifetime lifetime)
{
    /// <summary>Marks a firing asked for now (not the schedule's): a cluster-once work runs it on this instance without its lease.</summary>
    private const string OnDemandKey = "MailRelay.OnDemand";

    /// <summary>Whether the firing came from <see cref="TriggerNowAsync"/>.</summary>
    public static bool IsOnDemand(IJobExecutionContext context) => context.MergedJobDataMap?.ContainsKey(OnDemandKey) == true;

    /// <summary>
    /// Does nothing once the host is stopping: the scheduler refuses every call from the moment it
    /// starts shutting down, and a job still finishing (intake asking for forwarding, say) has
    /// nothing left to ask. Before the host has started the scheduler, the firing waits and runs at start.
    /// </summary>
    public async Task TriggerNowAsync(string jobName, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested) return;
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(new JobKey(jobName), new JobDataMap { [OnDemandKey] = true }, cancellationToken);
        }
        catch (SchedulerException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The host began stopping between the check above and the call.
        }
    }
}
