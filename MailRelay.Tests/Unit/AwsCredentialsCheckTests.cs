using Amazon.Runtime;
using MailRelay.Core;
using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

public class AwsCredentialsCheckTests
{
    [Fact]
    public void Start_AwsAdapterAndAnEmptyCredentialChain_FailsWithSentenceSayingWhatToSet()
    {
        var services = new ServiceCollection();
        // What the SDK's default chain throws on a machine without keys, profile or role.
        services.AddSingleton<AWSCredentials>(_ => throw new AmazonClientException("Failed to resolve AWS credentials."));
        services.TryAddAwsCredentials();
        using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldHaveSingleItem().ShouldBe(AwsCredentialsCheckValidator.NoCredentials);
        AwsCredentialsCheckValidator.NoCredentials.ShouldContain("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        AwsCredentialsCheckValidator.NoCredentials.ShouldContain("instance or container role");
    }

    [Fact]
    public void Start_AwsAdapterWithCredentials_Passes()
    {
        var services = new ServiceCollection();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"));
        services.TryAddAwsCredentials();
        using var provider = services.BuildServiceProvider();

        Should.NotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Start_LocalAdaptersOnly_DoesNotLookForCredentials()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.AddMailRelayCore();

        builder.Services.ShouldNotContain(d => d.ServiceType == typeof(IValidateOptions<AwsCredentialsCheck>));
    }

    [Fact]
    public void Start_DynamoDbStore_LooksForCredentials()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store:Provider"] = "DynamoDb" });
        builder.AddMailRelayCore();

        builder.Services.ShouldContain(d => d.ServiceType == typeof(IValidateOptions<AwsCredentialsCheck>));
    }
}
