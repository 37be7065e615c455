using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Infrastructure.Aws;

public static class AwsCredentialsRegistration
{
    /// <summary>
    /// The <see cref="AWSCredentials"/> every AWS adapter signs with: AWSSDK.Core's default chain
    /// (environment, profile, container or instance role), unless one is registered already (tests
    /// register fixed keys). They are resolved at start (<see cref="AwsCredentialsCheckValidator"/>),
    /// so a machine without any is refused with a sentence; <paramref name="checkAtStart"/> is false
    /// for an adapter registered before it is known to be chosen (nothing is checked for it).
    /// </summary>
    public static IServiceCollection TryAddAwsCredentials(this IServiceCollection services, bool checkAtStart = true)
    {
        services.TryAddSingleton<AWSCredentials>(_ => DefaultAWSCredentialsIdentityResolver.GetCredentials());
        if (!checkAtStart) return services;
        services.AddOptions<AwsCredentialsCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsCredentialsCheck>, AwsCredentialsCheckValidator>());
        return services;
    }
}
