using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Metrics.Adapters;

/// <summary>The queue metrics: counters, the in-memory series, the sampler and the publisher chosen by <c>Metrics:Provider</c>.</summary>
internal static class MetricsRegistration
{
    public static IServiceCollection AddQueueMetrics(this IServiceCollection services)
    {
        services.AddPortOptions<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.SectionName);
        services.AddSingleton<MetricCounters>();
        services.AddSingleton<QueueMetrics>();
        services.AddSingleton<QueueMetricsSampler>();
        services.AddSingleton<IMetricsPublisher>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MetricsOptions>>().Value;
            return options.UsesEmf ? new EmfMetricsPublisher(Console.Out, options.Namespace) : new DiscardingMetricsPublisher();
        });
        services.AddHostedService<QueueMetricsHost>();
        return services;
    }
}
