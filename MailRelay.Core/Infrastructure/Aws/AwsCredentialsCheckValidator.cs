using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// Resolves the <see cref="AWSCredentials"/> the AWS adapters sign with (the SDK's default chain
/// unless one is registered) at start, so that a machine without any says so in a sentence rather
/// than failing in the SDK at the first request.
/// </summary>
public sealed class AwsCredentialsCheckValidator(IServiceProvider services) : IValidateOptions<AwsCredentialsCheck>
{
    public const string NoCredentials =
        "No AWS credentials were found, and the AWS adapters need them: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
        "(with AWS_SESSION_TOKEN for temporary keys) or AWS_PROFILE, or run with an instance or container role (App Runner's instance role).";

    public ValidateOptionsResult Validate(string? name, AwsCredentialsCheck options)
    {
        try
        {
            services.GetRequiredService<AWSCredentials>();
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException)
        {
            return ValidateOptionsResult.Fail(NoCredentials);
        }
    }
}
