using MailRelay.Core;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Metrics;
using MailRelay.Core.Notifications;
using MailRelay.Core.Outbound;
using MailRelay.Core.Smtp;
using MailRelay.Core.Storage;
using MailRelay.Web.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

public class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Store:Provider", "Postgres", "Store:Provider 'Postgres' is not known; use one of: Sqlite, DynamoDb." },
        { "Store:Provider", "dynamodb", "Store:Region is required when Store:Provider is DynamoDb." },
        { "Store:SqlitePath", "", "Store:SqlitePath is required." },
        { "Blobs:Provider", "Ftp", "Blobs:Provider 'Ftp' is not known; use one of: Folder, S3." },
        { "Blobs:FolderPath", " ", "Blobs:FolderPath is required." },
        { "Inbound:Provider", "Pop3", "Inbound:Provider 'Pop3' is not known; use one of: Folder, Sqs." },
        { "Secrets:Provider", "Vault", "Secrets:Provider 'Vault' is not known; use one of: DataProtection, Kms." },
        { "Secrets:KeysPath", "", "Secrets:KeysPath is required." },
        { "Secrets:KeyRing", "Cluster", "Secrets:KeyRing 'Cluster' is not known; use one of: Folder, BlobStore." },
        { "Secrets:KeyRing", "BlobStore", "Secrets:KeyRing is BlobStore, which needs Secrets:Provider Kms to encrypt the keys (it is 'DataProtection'); set Secrets:Provider to Kms or Secrets:KeyRing to Folder." },
        { "SmtpIdentity:Provider", "Ldap", "SmtpIdentity:Provider 'Ldap' is not known; use one of: Local, Iam." },
        { "SmtpIdentity:Region", "", "SmtpIdentity:Region is required." },
        { "SmtpIdentity:Provider", "Iam", "SmtpIdentity:SendingDomains is required when SmtpIdentity:Provider is Iam: set at least one domain SMTP users may send from (SmtpIdentity:SendingDomains:0, in the environment SmtpIdentity__SendingDomains__0)." },
        { "SmtpIdentity:SmtpEndpointPort", "70000", "SmtpIdentity:SmtpEndpointPort must be a port number (1-65535), but is 70000." },
        { "SmtpIdentity:SmtpEndpointHost", "smtp://relay.example.com", "SmtpIdentity:SmtpEndpointHost must be a host name without scheme or port (set SmtpIdentity:SmtpEndpointPort for the port), but is 'smtp://relay.example.com'." },
        { "SmtpIdentity:TestEmailTimeout", "00:00:00", "SmtpIdentity:TestEmailTimeout must be positive, but is 00:00:00." },
        { "MailboxDelivery:Provider", "Imap", "MailboxDelivery:Provider 'Imap' is not known; use one of: LocalMailbox, Gmail." },
        { "Notifications:Provider", "Sms", "Notifications:Provider 'Sms' is not known; use one of: Pickup, Smtp." },
        { "Notifications:From", "", "Notifications:From is required." },
        { "Notifications:From", "mailrelay at example", "Notifications:From must be an email address such as 'MailRelay <mailrelay@example.com>', but is 'mailrelay at example'." },
        { "Notifications:PublicBaseUrl", "mail.example.com", "Notifications:PublicBaseUrl must be an absolute http(s) URL, but is 'mail.example.com'." },
        { "Notifications:Provider", "Smtp", "Notifications:Smtp:Host is required when Notifications:Provider is Smtp." },
        { "Notifications:Provider", "smtp", "Notifications:Smtp:Password is required when Notifications:Provider is Smtp." },
        { "Dns:Provider", "Udp", "Dns:Provider 'Udp' is not known; use one of: DnsOverHttps." },
        { "Dns:ResolverUrl", "not a url", "Dns:ResolverUrl must be an absolute http(s) URL, but is 'not a url'." },
        { "Inbound:Provider", "Sqs", "Inbound:Provider Sqs needs Blobs:Provider S3 (the bucket of the SES receipt rule), because SES stores the raw message there." },
        { "MailboxDelivery:Provider", "Gmail", "Google:ClientId is required when MailboxDelivery:Provider is Gmail." },
        { "Forwarding:BatchSize", "0", "Forwarding:BatchSize must be at least 1." },
        { "Forwarding:LeaseDuration", "00:00:00.500", "Forwarding:LeaseDuration must be at least 00:00:01 (it is 00:00:00.5000000)." },
        { "Outbound:Provider", "Kafka", "Outbound:Provider 'Kafka' is not known; use one of: Folder, Sqs." },
        { "Outbound:Provider", "Sqs", "Outbound:EventsQueueUrl must be the events queue's absolute http(s) URL when Outbound:Provider is Sqs (it is '')." },
        { "Outbound:Interval", "00:00:00", "Outbound:Interval must be at least 00:00:00.100 (it is 00:00:00)." },
        { "SignIn:Provider", "Magic", "SignIn:Provider 'Magic' is not known; use one of: Development, Oidc." },
        { "Metrics:Provider", "Prometheus", "Metrics:Provider 'Prometheus' is not known; use one of: Emf, None." },
        { "Metrics:Namespace", ":MailRelay", "Metrics:Namespace must be 1 to 255 characters and must not start with ':' (CloudWatch's rule)." },
        { "Metrics:SampleInterval", "00:00:00.100", "Metrics:SampleInterval must be between 00:00:01 and 00:01:00." },
        { "Metrics:RetentionDays", "0", "Metrics:RetentionDays must be between 1 and 3650." },
        { "Blobs:Provider", "S3", "Blobs:BucketName is required when Blobs:Provider is S3." },
        { "Blobs:ServiceUrl", "s3rver", "Blobs:ServiceUrl must be an absolute http(s) URL, but is 's3rver'." },
        { "Secrets:Provider", "Kms", "Secrets:KeyId is required when Secrets:Provider is Kms." },
        { "Store:Provider", "DynamoDb", "Store:TableName is required when Store:Provider is DynamoDb." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Start_BadSetting_FailsWithSentenceNamingTheKey(string key, string value, string expected)
    {
        var failures = StartupFailures(Environments.Development, new() { [key] = value });
        failures.ShouldContain(expected);
    }

    [Fact]
    public void Start_DefaultSettings_AreValid() =>
        StartupFailures(Environments.Development, []).ShouldBeEmpty();

    [Fact]
    public void Start_DevelopmentSignInInProduction_IsRefused()
    {
        var failures = StartupFailures(Environments.Production, []);
        failures.ShouldHaveSingleItem().ShouldStartWith("SignIn:Provider is Development, which anyone could use to sign in as an admin, so it is refused when ASPNETCORE_ENVIRONMENT is Production");
    }

    [Fact]
    public void Start_OidcWithoutIssuerOrClient_NamesBothKeys()
    {
        var failures = StartupFailures(Environments.Production, new() { ["SignIn:Provider"] = "Oidc" });
        failures.ShouldBe([
            "SignIn:Oidc:Authority is required when SignIn:Provider is Oidc.",
            "SignIn:Oidc:ClientId is required when SignIn:Provider is Oidc.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Start_OidcFullyConfiguredInProduction_IsValid() =>
        StartupFailures(Environments.Production, new()
        {
            ["SignIn:Provider"] = "oidc",
            ["SignIn:Oidc:Authority"] = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc",
            ["SignIn:Oidc:ClientId"] = "client",
        }).ShouldBeEmpty();

    [Fact]
    public void Start_OidcLogoutUrlNotAUrl_IsRefused() =>
        StartupFailures(Environments.Production, new()
        {
            ["SignIn:Provider"] = "Oidc",
            ["SignIn:Oidc:Authority"] = "https://issuer.example",
            ["SignIn:Oidc:ClientId"] = "client",
            ["SignIn:Oidc:LogoutUrl"] = "logout",
        }).ShouldBe(["SignIn:Oidc:LogoutUrl must be an absolute http(s) URL, but is 'logout'."]);

    [Fact]
    public void Start_OidcPlainHttpAuthorityRequiringHttpsMetadata_IsRefused() =>
        StartupFailures(Environments.Production, new()
        {
            ["SignIn:Provider"] = "Oidc",
            ["SignIn:Oidc:Authority"] = "http://issuer.example",
            ["SignIn:Oidc:ClientId"] = "client",
        }).ShouldBe(["SignIn:Oidc:Authority must be an https URL (it is 'http://issuer.example'); only a local test issuer may use http, with SignIn:Oidc:RequireHttpsMetadata set to false."]);

    [Fact]
    public void Start_OidcPlainHttpAuthorityWithoutHttpsMetadata_IsValid() =>
        StartupFailures(Environments.Development, new()
        {
            ["SignIn:Provider"] = "Oidc",
            ["SignIn:Oidc:Authority"] = "http://127.0.0.1:18555",
            ["SignIn:Oidc:ClientId"] = "client",
            ["SignIn:Oidc:RequireHttpsMetadata"] = "false",
        }).ShouldBeEmpty();

    [Fact]
    public void Start_SmtpNotificationsFullyConfigured_IsValid() =>
        StartupFailures(Environments.Development, new()
        {
            ["Notifications:Provider"] = "Smtp",
            ["Notifications:Smtp:Host"] = "email-smtp.eu-west-1.amazonaws.com",
            ["Notifications:Smtp:Username"] = "AKIAEXAMPLE",
            ["Notifications:Smtp:Password"] = "secret",
        }).ShouldBeEmpty();

    [Fact]
    public void Start_SmtpNotificationsWithBadPortAndTimeout_NamesBothKeys() =>
        StartupFailures(Environments.Development, new()
        {
            ["Notifications:Provider"] = "Smtp",
            ["Notifications:Smtp:Host"] = "email-smtp.eu-west-1.amazonaws.com",
            ["Notifications:Smtp:Username"] = "AKIAEXAMPLE",
            ["Notifications:Smtp:Password"] = "secret",
            ["Notifications:Smtp:Port"] = "0",
            ["Notifications:Smtp:Timeout"] = "00:00:00",
        }).ShouldBe([
            "Notifications:Smtp:Port must be between 1 and 65535, but is 0.",
            "Notifications:Smtp:Timeout must be positive, but is '00:00:00'.",
        ], ignoreOrder: true);

    /// <summary>Resolves every port's options the way start-up does and collects the validators' sentences.</summary>
    private static List<string> StartupFailures(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMailRelayCore();
        builder.Services.AddMailRelayAuth(builder.Configuration);
        using var services = builder.Services.BuildServiceProvider();
        var failures = new List<string>();
        foreach (var optionsType in new[] { typeof(StoreOptions), typeof(BlobStoreOptions), typeof(InboundOptions), typeof(SecretProtectionOptions),
                     typeof(SmtpIdentityOptions), typeof(MailboxDeliveryOptions), typeof(NotificationOptions), typeof(DnsOptions), typeof(SignInOptions), typeof(ForwardingOptions), typeof(MetricsOptions), typeof(MailRelay.Core.Gmail.Adapters.GoogleOptions), typeof(OutboundEventsOptions) })
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType));
            try { options.GetType().GetProperty("Value")!.GetValue(options); }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid) { failures.AddRange(invalid.Failures); }
        }
        return failures;
    }
}
