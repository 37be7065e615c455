using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace MailRelay.Workers.Hosting;

/// <summary>
/// Runs one in-memory Quartz scheduler for the lifetime of the host. Written here because
/// Quartz.Extensions.Hosting is not in our registry (DEPENDENCIES.md). Several instances may run
/// at once in production; jobs claim their work with leases in the store, not through Quartz.
/// </summary>
public sealed partial class QuartzHostedService(
    IJobFactory jobFactory,
    IEnumerable<JobSchedule> schedules,
    ILogger<QuartzHostedService> logger) : IHostedService
{
    private IScheduler? _scheduler;

    /// <summary>The running scheduler, for services that trigger a job at once (e.g. "Deliver now").</summary>
    public IScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("The scheduler has not started yet.");

    public bool IsStarted => _scheduler is { IsStarted: true, IsShutdown: false };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new StdSchedulerFactory(new System.Collections.Specialized.NameValueCollection
        {
            // Quartz keeps schedulers in a process-wide repository by name: a unique name per host
            // keeps two hosts in one process (tests, or a future worker split) from sharing one.
            ["quartz.scheduler.instanceName"] = $"MailRelay-{Guid.NewGuid():N}",
            ["quartz.threadPool.maxConcurrency"] = "4",
        });
        _scheduler = await factory.GetScheduler(cancellationToken);
        _scheduler.JobFactory = jobFactory;
        foreach (var schedule in schedules)
        {
            var job = JobBuilder.Create(schedule.JobType).WithIdentity(schedule.JobType.Name).StoreDurably().Build();
            var trigger = schedule.Trigger(TriggerBuilder.Create().WithIdentity($"{schedule.JobType.Name}.trigger").ForJob(job)).Build();
            await _scheduler.ScheduleJob(job, trigger, cancellationToken);
        }
        await _scheduler.Start(cancellationToken);
        LogStarted(logger, schedules.Count());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is null) return;
        await _scheduler.Standby(cancellationToken);
        // Running jobs see their cancellation token fire and stop between deliveries.
        foreach (var running in await _scheduler.GetCurrentlyExecutingJobs(cancellationToken))
            await _scheduler.Interrupt(running.FireInstanceId, cancellationToken);
        await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        LogStopped(logger);
    }

    [LoggerMessage(LogLevel.Information, "Scheduler started with {JobCount} scheduled jobs")]
    private static partial void LogStarted(ILogger logger, int jobCount);

    [LoggerMessage(LogLevel.Information, "Scheduler stopped")]
    private static partial void LogStopped(ILogger logger);
}
