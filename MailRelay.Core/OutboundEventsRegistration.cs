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
        services.AddHttpClient(HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<OutboundEventsOptions>>().Value.WaitTimeSeconds + 40));
        services.AddSingleton<IOutboundEventSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboundEventsOptions>>().Value;
            if (!options.Provider.Equals(OutboundEventsOptions.Sqs, StringComparison.OrdinalIgnoreCase))
                return new FolderOutboundEventSource(sp.LocalPath(options.EventsFolderPath), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FolderOutboundEventSource>>());
            var client = new SqsQueryClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), new Uri(options.EventsQueueUrl),
                options.Region, sp.GetRequiredService<Amazon.Runtime.AWSCredentials>(), sp.GetRequiredService<TimeProvider>(),
                string.IsNullOrEmpty(options.ServiceUrl) ? null : new Uri(options.ServiceUrl));
            return new SqsOutboundEventSource(client, options.WaitTimeSeconds, sp.GetRequiredService<ILogger<SqsOutboundEventSource>>());
        });
        return services;
    }
}
