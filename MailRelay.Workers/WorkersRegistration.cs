using MailRelay.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Spi;

namespace MailRelay.Workers;

public static class WorkersRegistration
{
    /// <summary>The Quartz scheduler, hosted in this process and started and stopped with it.</summary>
    public static IHostApplicationBuilder AddMailRelayWorkers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IJobFactory, ServiceProviderJobFactory>();
        builder.Services.AddSingleton<QuartzHostedService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QuartzHostedService>());
        return builder;
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
