using MailRelay.Core;
using MailRelay.Core.Options;
using MailRelay.Core.Ports;
using MailRelay.Workers.Hosting;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Spi;

namespace MailRelay.Workers;

public static class WorkersRegistration
{
    /// <summary>The Quartz scheduler, hosted in this process and started and stopped with it, and MailRelay's jobs.</summary>
    public static IHostApplicationBuilder AddMailRelayWorkers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddQuartzScheduler();
        services.AddSingleton<IForwardingScheduler, QuartzForwardingScheduler>();
        services.AddSingleton<ISmtpProvisioningScheduler, QuartzSmtpProvisioningScheduler>();

        // Intervals are read now because triggers are fixed when the scheduler starts.
        var forwarding = builder.Configuration.Section<ForwardingOptions>(ForwardingOptions.SectionName);
        services.AddJob<ReceiveInboundJob>(t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(forwarding.IntakeInterval).RepeatForever()));
        services.AddJob<ForwardMailJob>(t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(forwarding.ForwardInterval).RepeatForever()));
        services.AddJob<AlertExpiringTokensJob>(t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(forwarding.ExpiryCheckInterval).RepeatForever()));
        services.AddJob<ProvisionSmtpUsersJob>(t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(ProvisionSmtpUsersJob.Interval).RepeatForever()));
        var dns = builder.Configuration.Section<DnsOptions>(DnsOptions.SectionName);
        services.AddJob<CheckDnsRecordsJob>(t => t.StartAt(DateTimeOffset.UtcNow + CheckDnsRecordsJob.FirstRunDelay).WithSimpleSchedule(s => s.WithInterval(dns.CheckInterval).RepeatForever()));
        var outbound = builder.Configuration.Section<OutboundEventsOptions>(OutboundEventsOptions.SectionName);
        services.AddJob<ReceiveOutboundEventsJob>(t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(outbound.Interval).RepeatForever()));
        services.AddJob<SweepQueuesJob>(t => t.StartAt(DateTimeOffset.UtcNow + forwarding.SweepInterval).WithSimpleSchedule(s => s.WithInterval(forwarding.SweepInterval).RepeatForever()));
        return builder;
    }

    /// <summary>The scheduler alone, without MailRelay's jobs.</summary>
    public static IServiceCollection AddQuartzScheduler(this IServiceCollection services)
    {
        services.AddSingleton<IJobFactory, ServiceProviderJobFactory>();
        services.AddSingleton<QuartzHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<QuartzHostedService>());
        return services;
    }

    /// <summary>Registers a job in DI and schedules it with the given trigger when the host starts.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, Func<TriggerBuilder, TriggerBuilder> trigger)
        where TJob : class, IJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobSchedule(typeof(TJob), trigger));
        return services;
    }
}
