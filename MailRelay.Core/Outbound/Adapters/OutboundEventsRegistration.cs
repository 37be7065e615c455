using Amazon.Runtime;
using Amazon.SQS;
using MailRelay.Core.Configuration;
using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Outbound.Adapters;

/// <summary>SES events of the SMTP credentials (source chosen by <c>Outbound:Provider</c>) and the usage reports.</summary>
internal static class OutboundEventsRegistration
{
    /// <summary>The service key of the events queue's <see cref="IAmazonSQS"/>.</summary>
    public const string SqsClientKey = "MailRelay.Sqs.OutboundEvents";

    /// <summary>The source is chosen when first resolved, from the validated options.</summary>
    public static IServiceCollection AddOutboundEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortOptions<OutboundEventsOptions, OutboundEventsOptionsValidator>(OutboundEventsOptions.SectionName);
        services.AddSingleton<OutboundEventIntake>();
        services.AddSingleton<UsageReport>();
        services.AddSingleton<SendingRates>();
        var usesSqs = string.Equals(configuration.Section<OutboundEventsOptions>(OutboundEventsOptions.SectionName).Provider, OutboundEventsOptions.Sqs, StringComparison.OrdinalIgnoreCase);
        services.TryAddAwsCredentials(checkAtStart: usesSqs);
        services.TryAddKeyedSingleton<IAmazonSQS>(SqsClientKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<OutboundEventsOptions>>().Value;
            return SqsRegistration.CreateClient(options.Region, options.ServiceUrl, options.WaitTimeSeconds, sp.GetRequiredService<AWSCredentials>());
        });
        services.AddSingleton<IOutboundEventSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboundEventsOptions>>().Value;
            if (!options.Provider.Equals(OutboundEventsOptions.Sqs, StringComparison.OrdinalIgnoreCase))
                return new FolderOutboundEventSource(sp.LocalPath(options.EventsFolderPath), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FolderOutboundEventSource>>());
            var queue = new SqsQueue(sp.GetRequiredKeyedService<IAmazonSQS>(SqsClientKey), options.EventsQueueUrl);
            return new SqsOutboundEventSource(queue, options.WaitTimeSeconds, sp.GetRequiredService<ILogger<SqsOutboundEventSource>>());
        });
        return services;
    }
}
