using MailRelay.Core;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Notifications;
using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using MailRelay.Web.Auth;
using MailRelay.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

/// <summary>
/// <c>appsettings.Aws.json</c> as the app loads it (<c>ASPNETCORE_ENVIRONMENT=Aws</c>, over
/// <c>appsettings.json</c>): every port on AWS, and start-up names each setting an operator must supply.
/// </summary>
public class AwsProfileTests
{
    /// <summary>What an operator sets (as <c>Store__TableName</c> etc. in the environment) for a working AWS deployment.</summary>
    public static Dictionary<string, string?> Complete() => new()
    {
        ["Store:TableName"] = "mailrelay",
        ["Store:Region"] = "eu-west-1",
        ["Blobs:BucketName"] = "mailrelay-mail",
        ["Blobs:Region"] = "eu-west-1",
        ["Inbound:Sqs:QueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-inbound",
        ["Inbound:Sqs:Region"] = "eu-west-1",
        ["Outbound:EventsQueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-outbound-events",
        ["Outbound:Region"] = "eu-west-1",
        ["Secrets:KeyId"] = "alias/mailrelay-secrets",
        ["Secrets:Region"] = "eu-west-1",
        ["SmtpIdentity:Region"] = "eu-west-1",
        ["SmtpIdentity:SendingDomains:0"] = "example.com",
        ["Google:ClientId"] = "123.apps.googleusercontent.com",
        ["Google:ClientSecret"] = "google-secret",
        ["Notifications:From"] = "MailRelay <mailrelay@example.com>",
        ["Notifications:PublicBaseUrl"] = "https://mail.example.com",
        ["Notifications:Smtp:Host"] = "email-smtp.eu-west-1.amazonaws.com",
        ["Notifications:Smtp:Username"] = "AKIAEXAMPLE",
        ["Notifications:Smtp:Password"] = "smtp-secret",
        ["SignIn:Oidc:Authority"] = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc",
        ["SignIn:Oidc:ClientId"] = "cognito-client",
        ["SignIn:Oidc:ClientSecret"] = "cognito-secret",
    };

    [Fact]
    public void Start_AwsProfileWithNothingSet_NamesEverySettingToSupply()
    {
        var failures = StartupFailures([]);

        var text = string.Join("\n", failures);
        foreach (var key in Complete().Keys)
            text.ShouldContain(key, customMessage: $"start-up should name {key}; it said:\n{text}");
    }

    [Fact]
    public void Start_AwsProfileComplete_IsValidAndChoosesEveryAwsAdapter()
    {
        var failures = StartupFailures(Complete(), out var services);

        failures.ShouldBeEmpty();
        services.GetRequiredService<IOptions<StoreOptions>>().Value.Provider.ShouldBe(StoreOptions.DynamoDb);
        services.GetRequiredService<MailRelay.Core.Storage.IBlobStore>().ShouldBeOfType<S3BlobStore>();
        services.GetRequiredService<MailRelay.Core.Storage.ISecretProtector>().ShouldBeOfType<KmsSecretProtector>();
        // Every instance shares the Data Protection key ring (cookies, antiforgery), KMS-encrypted in the bucket.
        var keyRing = services.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value;
        keyRing.XmlRepository.ShouldBeOfType<MailRelay.Core.Storage.Adapters.BlobStoreXmlRepository>();
        keyRing.XmlEncryptor.ShouldBeOfType<MailRelay.Core.Storage.Adapters.SecretProtectorXmlEncryptor>();
        services.GetRequiredService<MailRelay.Core.Inbound.IInboundSource>().ShouldBeOfType<SqsInboundSource>();
        services.GetRequiredService<MailRelay.Core.Smtp.ISmtpIdentityProvisioner>().ShouldBeOfType<IamSmtpIdentityProvisioner>();
        services.GetRequiredService<IOptions<MailboxDeliveryOptions>>().Value.Provider.ShouldBe(MailboxDeliveryOptions.Gmail);
        services.GetRequiredService<IOptions<NotificationOptions>>().Value.UsesSmtp.ShouldBeTrue();
        services.GetRequiredService<IOptions<SignInOptions>>().Value.IsOidc.ShouldBeTrue();
        services.GetRequiredService<MailRelay.Core.Outbound.IOutboundEventSource>().ShouldBeOfType<SqsOutboundEventSource>();
    }

    [Fact]
    public void Start_AwsProfileWithoutLogoutUrl_IsValid()
    {
        // Optional by design (docs/configuration.md): without it sign-out ends only MailRelay's session.
        var settings = Complete();
        settings["SignIn:Oidc:LogoutUrl"] = "";

        StartupFailures(settings).ShouldBeEmpty();
    }

    [Fact]
    public void Start_AwsProfileWithoutSendingDomains_NamesTheKey()
    {
        var settings = Complete();
        settings.Remove("SmtpIdentity:SendingDomains:0");

        StartupFailures(settings).ShouldHaveSingleItem().ShouldStartWith("SmtpIdentity:SendingDomains is required when SmtpIdentity:Provider is Iam");
    }

    [Fact]
    public void Start_AwsProfileWithDevelopmentSignIn_IsRefused()
    {
        var settings = Complete();
        settings["SignIn:Provider"] = "Development";

        StartupFailures(settings).ShouldHaveSingleItem().ShouldStartWith(
            "SignIn:Provider is Development, which anyone could use to sign in as an admin, so it is refused when ASPNETCORE_ENVIRONMENT is Aws");
    }

    private static List<string> StartupFailures(Dictionary<string, string?> settings) => StartupFailures(settings, out _);

    /// <summary>Loads the web project's appsettings files for the Aws environment, then resolves every options type as start-up does.</summary>
    private static List<string> StartupFailures(Dictionary<string, string?> settings, out ServiceProvider services)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true, EnvironmentName = MailRelayEnvironments.Aws, ContentRootPath = RepositoryPaths.WebProject,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(RepositoryPaths.WebProject, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(RepositoryPaths.WebProject, $"appsettings.{MailRelayEnvironments.Aws}.json"), optional: false)
            .AddInMemoryCollection(settings);
        // The machine has no AWS credentials; the adapters take a registered set over the default chain.
        builder.Services.AddSingleton<Amazon.Runtime.AWSCredentials>(new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"));
        builder.AddMailRelayCore();
        builder.Services.AddMailRelayAuth(builder.Configuration);
        services = builder.Services.BuildServiceProvider();
        var failures = new List<string>();
        foreach (var optionsType in new[] { typeof(StoreOptions), typeof(BlobStoreOptions), typeof(InboundOptions), typeof(SqsInboundOptions), typeof(SecretProtectionOptions),
                     typeof(SmtpIdentityOptions), typeof(MailboxDeliveryOptions), typeof(NotificationOptions), typeof(DnsOptions), typeof(SignInOptions), typeof(ForwardingOptions), typeof(GoogleOptions),
                     typeof(OutboundEventsOptions) })
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType));
            try { options.GetType().GetProperty("Value")!.GetValue(options); }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid) { failures.AddRange(invalid.Failures); }
        }
        return failures;
    }
}
