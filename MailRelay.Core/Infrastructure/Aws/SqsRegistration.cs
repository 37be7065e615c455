using Amazon.Runtime;
using Amazon.SQS;
using MailRelay.Core.Configuration;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Infrastructure.Aws;

public static class SqsRegistration
{
    /// <summary>The service key of the inbound queue's <see cref="IAmazonSQS"/>.</summary>
    public const string InboundClientKey = "MailRelay.Sqs.Inbound";

    /// <summary>Pooled connections are reopened this often, so the long-lived pollers follow DNS changes.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Makes <see cref="SqsInboundSource"/> the <see cref="IInboundSource"/> (and <see cref="SqsStuckInboxItems"/>
    /// the <see cref="IStuckInboxItems"/>: none), with its options bound
    /// from <paramref name="configSectionPath"/> and validated at start. Credentials come from
    /// AWSSDK.Core's default chain (environment, profile, container or instance role) unless an
    /// <see cref="AWSCredentials"/> is registered already; they are resolved at first use.
    /// </summary>
    public static IServiceCollection AddSqsInbound(this IServiceCollection services, string configSectionPath = SqsInboundOptions.SectionName, Action<SqsInboundOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<SqsInboundOptions>().BindSection(configSectionPath);
        if (configure is not null) optionsBuilder.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqsInboundOptions>, SqsInboundOptionsValidator>());
        services.TryAddAwsCredentials();

        services.TryAddKeyedSingleton<IAmazonSQS>(InboundClientKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<SqsInboundOptions>>().Value;
            return CreateClient(options.Region, options.ServiceUrl, options.WaitTimeSeconds, sp.GetRequiredService<AWSCredentials>());
        });
        services.Replace(ServiceDescriptor.Singleton<IInboundSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqsInboundOptions>>();
            var queue = new SqsQueue(sp.GetRequiredKeyedService<IAmazonSQS>(InboundClientKey), options.Value.QueueUrl);
            return new SqsInboundSource(queue, options, sp.GetRequiredService<ILogger<SqsInboundSource>>());
        }));
        services.Replace(ServiceDescriptor.Singleton<IStuckInboxItems, SqsStuckInboxItems>());
        return services;
    }

    /// <summary>
    /// An SQS client for <paramref name="region"/>'s endpoint, or for <paramref name="serviceUrl"/>
    /// (tests, VPC endpoints) signed for that region. Its HTTP timeout outlasts the long poll of
    /// <paramref name="waitTimeSeconds"/>, and its pooled connections are recycled.
    /// </summary>
    public static AmazonSQSClient CreateClient(string region, string? serviceUrl, int waitTimeSeconds, AWSCredentials credentials)
    {
        var config = new AmazonSQSConfig
        {
            Timeout = TimeSpan.FromSeconds(waitTimeSeconds + 40),
            HttpClientFactory = new RecyclingHttpClientFactory(PooledConnectionLifetime),
        }.PointAt(region, serviceUrl);
        return new AmazonSQSClient(credentials, config);
    }
}
