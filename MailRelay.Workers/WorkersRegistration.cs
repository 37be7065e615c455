using MailRelay.Core.Common;
using MailRelay.Core.Configuration;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Outbound;
using MailRelay.Core.Smtp;
using MailRelay.Workers.Hosting;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace MailRelay.Workers;

public static class WorkersRegistration
{
    /// <summary>The Quartz scheduler, hosted in this process and started and stopped with it, and MailRelay's background work on it.</summary>
    public static IHostApplicationBuilder AddMailRelayWorkers(this IHostApplicationBuilder builder)
    {
        // Intervals are read now because triggers are fixed when the scheduler starts.
        var forwarding = builder.Configuration.Section<ForwardingOptions>(ForwardingOptions.SectionName);
        var dns = builder.Configuration.Section<DnsOptions>(DnsOptions.SectionName);
        var outbound = builder.Configuration.Section<OutboundEventsOptions>(OutboundEventsOptions.SectionName);
        builder.Services.AddMailRelayScheduler(quartz => quartz
            .RunEvery<ReceiveInboundMail>(forwarding.IntakeInterval)
            .RunEvery<ForwardDueMail>(forwarding.ForwardInterval)
            .RunEvery<ExpiryAlerts>(forwarding.ExpiryCheckInterval)
            .RunEvery<ProvisionDueSmtpUsers>(ProvisionDueSmtpUsers.Interval)
            .RunEvery<DnsChecker>(dns.CheckInterval, firstRunAfter: DnsChecker.FirstRunDelay)
            .RunEvery<ReceiveOutboundEvents>(outbound.Interval)
            .RunEvery<SweepQueues>(forwarding.SweepInterval, firstRunAfter: forwarding.SweepInterval));
        builder.Services.AddSingleton<ReceiveInboundMail>();
        builder.Services.AddSingleton<ForwardDueMail>();
        builder.Services.AddSingleton<ProvisionDueSmtpUsers>();
        builder.Services.AddSingleton<ReceiveOutboundEvents>();
        builder.Services.AddSingleton<SweepQueues>();
        builder.Services.AddSingleton<JobTrigger>();
        builder.Services.AddSingleton<IForwardingScheduler, QuartzForwardingScheduler>();
        builder.Services.AddSingleton<ISmtpProvisioningScheduler, QuartzSmtpProvisioningScheduler>();
        return builder;
    }

    /// <summary>
    /// One in-memory Quartz scheduler, started and stopped with the host, running the work
    /// <paramref name="jobs"/> schedules; each run is built in a DI scope of its own. Several instances
    /// may run at once in production: jobs claim their work with leases in the store, not through Quartz.
    /// </summary>
    public static IServiceCollection AddMailRelayScheduler(this IServiceCollection services, Action<IQuartzBuilder> jobs)
    {
        services.AddQuartz(quartz =>
        {
            // Jobs fire on wall-clock time. The container's TimeProvider is for what the jobs decide
            // (expiry, backoff); a test that fakes it must not stop the jobs from running.
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UseDefaultThreadPool(maxConcurrency: 4);
            // On shutdown running jobs see their cancellation token fire and stop between deliveries;
            // the host still waits for them (WaitForJobsToComplete below).
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            jobs(quartz);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddMetrics();
        services.AddSingleton<JobMetrics>();
        return services;
    }

    /// <summary>
    /// Schedules <typeparamref name="TWork"/> (through <see cref="BackgroundJob{TWork}"/>) under its type name,
    /// first after <paramref name="firstRunAfter"/>, then every <paramref name="interval"/>.
    /// </summary>
    public static IQuartzBuilder RunEvery<TWork>(this IQuartzBuilder quartz, TimeSpan interval, TimeSpan firstRunAfter = default)
        where TWork : class, IBackgroundWork
    {
        var name = BackgroundJob<TWork>.Name;
        quartz.ScheduleJob<BackgroundJob<TWork>>(
            trigger =>
            {
                trigger.WithIdentity($"{name}.trigger").WithSimpleSchedule(interval);
                if (firstRunAfter > TimeSpan.Zero) trigger.StartAt(TimeProvider.System.GetUtcNow() + firstRunAfter);
                else trigger.StartNow();
            },
            job => job.WithIdentity(name));
        return quartz;
    }
}
