using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailRelay.Core.Adapters.Aws;

public static class AwsCredentialsRegistration
{
    /// <summary>
    /// The <see cref="AWSCredentials"/> every AWS adapter signs with: AWSSDK.Core's default chain
    /// (environment, profile, container or instance role), resolved at first use, unless one is
    /// registered already (tests register fixed keys).
    /// </summary>
    public static IServiceCollection TryAddAwsCredentials(this IServiceCollection services)
    {
        services.TryAddSingleton<AWSCredentials>(_ => DefaultAWSCredentialsIdentityResolver.GetCredentials());
        return services;
    }
}
