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

        // One long-lived client (the source is a singleton); recycling pooled connections keeps DNS fresh.
        services.AddHttpClient(HttpClientName, (sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SqsInboundOptions>>().Value.WaitTimeSeconds + 40))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqsInboundOptions>>().Value;
            return new SqsQueryClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                new Uri(options.QueueUrl),
                options.Region,
                sp.GetRequiredService<AWSCredentials>(),
                sp.GetRequiredService<TimeProvider>(),
                string.IsNullOrEmpty(options.ServiceUrl) ? null : new Uri(options.ServiceUrl));
        });
        services.Replace(ServiceDescriptor.Singleton<IInboundSource, SqsInboundSource>());
        return services;
    }
}
