using Amazon.KeyManagementService;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage.Adapters;

public static class KmsRegistration
{
    /// <summary>
    /// Makes <see cref="KmsSecretProtector"/> the <see cref="ISecretProtector"/> (the <c>Secrets</c>
    /// options are bound and validated by Core). Credentials come from AWSSDK.Core's default chain
    /// unless an <see cref="AWSCredentials"/> is registered already.
    /// </summary>
    public static IServiceCollection AddKmsSecrets(this IServiceCollection services)
    {
        services.TryAddAwsCredentials();
        services.TryAddSingleton<IAmazonKeyManagementService>(sp =>
            CreateClient(sp.GetRequiredService<IOptions<SecretProtectionOptions>>().Value, sp.GetRequiredService<AWSCredentials>()));
        services.Replace(ServiceDescriptor.Singleton<ISecretProtector>(sp =>
            new KmsSecretProtector(sp.GetRequiredService<IAmazonKeyManagementService>(), sp.GetRequiredService<IOptions<SecretProtectionOptions>>().Value.KeyId!)));
        return services;
    }

    public static AmazonKeyManagementServiceClient CreateClient(SecretProtectionOptions options, AWSCredentials credentials)
    {
        var config = new AmazonKeyManagementServiceConfig().PointAt(options.Region, options.ServiceUrl);
        return new AmazonKeyManagementServiceClient(credentials, config);
    }
}
