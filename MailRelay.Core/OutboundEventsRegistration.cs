using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Adapters.Local;
using MailRelay.Core.Options;
using MailRelay.Core.Ports;
using MailRelay.Core.Services.Outbound;
using MailRelay.Core.Services.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core;

/// <summary>SES events of the SMTP credentials (source chosen by <c>Outbound:Provider</c>) and the usage reports.</summary>
internal static class OutboundEventsRegistration
{
    public const string HttpClientName = "MailRelay.OutboundEvents";

    /// <summary>The source is chosen when first resolved, from the validated options.</summary>
    public static IServiceCollection AddOutboundEvents(this IServiceCollection services)
    {
        services.AddPortOptions<OutboundEventsOptions, OutboundEventsOptionsValidator>(OutboundEventsOptions.SectionName);
        services.AddSingleton<OutboundEventIntake>();
        services.AddSingleton<UsageReport>();
        services.AddSingleton<SendingRates>();
        services.TryAddAwsCredentials();
        services.AddSqsHttpClient(HttpClientName, sp => sp.GetRequiredService<IOptions<OutboundEventsOptions>>().Value.WaitTimeSeconds);
        services.AddSingleton<IOutboundEventSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboundEventsOptions>>().Value;
            if (!options.Provider.Equals(OutboundEventsOptions.Sqs, StringComparison.OrdinalIgnoreCase))
                return new FolderOutboundEventSource(sp.LocalPath(options.EventsFolderPath), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FolderOutboundEventSource>>());
            var client = SqsRegistration.CreateQueryClient(sp, HttpClientName, options.EventsQueueUrl, options.Region, options.ServiceUrl);
            return new SqsOutboundEventSource(client, options.WaitTimeSeconds, sp.GetRequiredService<ILogger<SqsOutboundEventSource>>());
        });
        return services;
    }
}
