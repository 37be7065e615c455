using Amazon.Runtime;
using MailRelay.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Adapters.Aws;

public static class SqsRegistration
{
    /// <summary>The name of the <see cref="HttpClient"/> the SQS client uses.</summary>
    public const string HttpClientName = "MailRelay.Sqs";

    /// <summary>
    /// Makes <see cref="SqsInboundSource"/> the <see cref="IInboundSource"/>, with its options bound
    /// from <paramref name="configSectionPath"/> and validated at start. Credentials come from
    /// AWSSDK.Core's default chain (environment, profile, container or instance role) unless an
    /// <see cref="AWSCredentials"/> is registered already; they are resolved at first use.
    /// </summary>
    public static IServiceCollection AddSqsInbound(this IServiceCollection services, string configSectionPath = SqsInboundOptions.SectionName, Action<SqsInboundOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<SqsInboundOptions>().BindConfiguration(configSectionPath).ValidateOnStart();
        if (configure is not null) optionsBuilder.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqsInboundOptions>, SqsInboundOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddAwsCredentials();

        services.AddSqsHttpClient(HttpClientName, sp => sp.GetRequiredService<IOptions<SqsInboundOptions>>().Value.WaitTimeSeconds);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqsInboundOptions>>().Value;
            return CreateQueryClient(sp, HttpClientName, options.QueueUrl, options.Region, options.ServiceUrl);
        });
        services.Replace(ServiceDescriptor.Singleton<IInboundSource, SqsInboundSource>());
        return services;
    }

    /// <summary>
    /// The HttpClient of a long-lived SQS client: its timeout outlasts the long poll, and pooled
    /// connections are recycled, since the one client is kept for the life of the process and would
    /// otherwise never see a DNS change.
    /// </summary>
    internal static IHttpClientBuilder AddSqsHttpClient(this IServiceCollection services, string name, Func<IServiceProvider, int> waitTimeSeconds) =>
        services.AddHttpClient(name, (sp, http) => http.Timeout = TimeSpan.FromSeconds(waitTimeSeconds(sp) + 40))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    /// <summary>An SQS client for one queue on the named HttpClient, signing with the registered credentials.</summary>
    internal static SqsQueryClient CreateQueryClient(IServiceProvider sp, string httpClientName, string queueUrl, string region, string? serviceUrl) =>
        new(sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), new Uri(queueUrl), region,
            sp.GetRequiredService<AWSCredentials>(), sp.GetRequiredService<TimeProvider>(),
            string.IsNullOrEmpty(serviceUrl) ? null : new Uri(serviceUrl));
}
