using MailRelay.Core.Audit;
using MailRelay.Core.Cluster;
using MailRelay.Core.Cluster.Adapters;
using MailRelay.Core.Common;
using MailRelay.Core.Configuration;
using MailRelay.Core.Domains;
using MailRelay.Core.Domains.Adapters;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Gmail;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Infrastructure.Aws;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Metrics.Adapters;
using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Core.Queues;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailRelay.Core;

public static class CoreRegistration
{
    /// <summary>Options of every port, the chosen adapters and the use-case services.</summary>
    public static IHostApplicationBuilder AddMailRelayCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<LocalDataOptions>().BindSection(LocalDataOptions.SectionName);

        services.AddPortOptions<StoreOptions, StoreOptionsValidator>(StoreOptions.SectionName);
        services.AddPortOptions<BlobStoreOptions, BlobStoreOptionsValidator>(BlobStoreOptions.SectionName);
        services.AddPortOptions<InboundOptions, InboundOptionsValidator>(InboundOptions.SectionName);
        services.AddPortOptions<SecretProtectionOptions, SecretProtectionOptionsValidator>(SecretProtectionOptions.SectionName);
        services.AddPortOptions<SmtpIdentityOptions, SmtpIdentityOptionsValidator>(SmtpIdentityOptions.SectionName);
        services.AddPortOptions<MailboxDeliveryOptions, MailboxDeliveryOptionsValidator>(MailboxDeliveryOptions.SectionName);
        services.AddPortOptions<NotificationOptions, NotificationOptionsValidator>(NotificationOptions.SectionName);
        services.AddPortOptions<DnsOptions, DnsOptionsValidator>(DnsOptions.SectionName);

        services.AddSingleton(sp => new SqliteDatabase(sp.LocalPath(sp.GetRequiredService<IOptions<StoreOptions>>().Value.SqlitePath)));
        services.AddSqliteStores();
        services.AddDynamoDbStore(builder.Configuration);
        services.AddSingleton<ClusterInstance>();
        services.AddSingleton<ClusterOnceRuns>();
        services.AddClusterChanges(builder.Configuration);
        services.AddSingleton<IBlobStore>(sp => new FolderBlobStore(sp.LocalPath(sp.GetRequiredService<IOptions<BlobStoreOptions>>().Value.FolderPath)));
        // Like the inbound source, the S3 and KMS adapters are chosen when the host is built; their settings are validated at start.
        if (builder.Configuration.Section<BlobStoreOptions>(BlobStoreOptions.SectionName).UsesS3) services.AddS3Blobs();
        var secrets = builder.Configuration.Section<SecretProtectionOptions>(SecretProtectionOptions.SectionName);
        services.AddDataProtectionKeyRing(secrets.KeyRingInBlobStore);
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        if (secrets.UsesKms) services.AddKmsSecrets();

        services.AddSingleton<AuditLog>();
        services.AddSmtpCredentials(builder.Configuration);
        services.AddSingleton<UserSignIn>();
        services.AddForwarding();
        services.AddNotifications();
        services.AddDnsChecks();
        services.AddOutboundEvents(builder.Configuration);
        // The inbound source is fixed when the host is built; the choice is validated at start like every port.
        var inbound = builder.Configuration.Section<InboundOptions>(InboundOptions.SectionName);
        if (inbound.Provider.Equals(InboundOptions.Sqs, StringComparison.OrdinalIgnoreCase)) services.AddSqsInbound();

        services.AddHostedService<StoreInitializer>();
        services.AddHostedService<AdapterChoiceLogger>();
        // After the store initializer: the sampler reads the store from its first tick.
        services.AddQueueMetrics();
        return builder;
    }

    /// <summary>SMTP users: their services (provisioning, actions, reveal, lookup) and the identity provisioner chosen by <c>SmtpIdentity:Provider</c>.</summary>
    private static IServiceCollection AddSmtpCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ISmtpProvisioningScheduler, NoSmtpProvisioningScheduler>();
        services.AddSingleton<SmtpProvisioning>();
        services.AddSingleton<SmtpUserLifecycle>();
        services.AddSingleton<SmtpCredentialsReveal>();
        services.AddSingleton<SmtpUserLookup>();
        services.AddSingleton<SmtpTestEmail>();
        services.TryAddSingleton<ISmtpTestSender>(sp => new SmtpClientTestSender(sp.GetRequiredService<TimeProvider>()));
        var identity = configuration.Section<SmtpIdentityOptions>(SmtpIdentityOptions.SectionName);
        // Null when the key is present without a value: on .NET 10 that overrides the option's default.
        if (!string.Equals(identity.Provider, SmtpIdentityOptions.Iam, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmtpIdentityProvisioner, LocalSmtpIdentityProvisioner>();
            return services;
        }
        services.TryAddAwsCredentials();
        services.AddHttpClient(IamHttpClientName);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SmtpIdentityOptions>>().Value;
            return new IamQueryClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(IamHttpClientName), sp.GetRequiredService<Amazon.Runtime.AWSCredentials>(),
                sp.GetRequiredService<TimeProvider>(), string.IsNullOrEmpty(options.IamServiceUrl) ? null : new Uri(options.IamServiceUrl));
        });
        services.AddSingleton<ISmtpIdentityProvisioner, IamSmtpIdentityProvisioner>();
        return services;
    }

    private const string IamHttpClientName = "MailRelay.Iam";

    /// <summary>Intake, routing, delivery and the queue services, with the local adapters chosen by default.</summary>
    private static IServiceCollection AddForwarding(this IServiceCollection services)
    {
        services.AddOptions<ForwardingOptions>().BindSection(ForwardingOptions.SectionName);
        services.AddSingleton<IValidateOptions<ForwardingOptions>, ForwardingOptionsValidator>();
        services.AddSingleton<RelayEvents>();
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<MessageUpload>();
        services.AddSingleton<RouteAdmin>();
        services.AddSingleton<RouteCache>();
        services.AddSingleton<QueueAdmin>();
        services.AddSingleton<QueueView>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserOverview>();
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton<ForwardingService>();
        services.AddSingleton<QueueSweep>();
        services.AddSingleton<DeliverNow>();
        services.AddSingleton<GmailConnections>();
        services.AddSingleton<GmailConnectionHealth>();
        services.AddSingleton<ConnectionNotices>();
        services.AddSingleton<ExpiryAlerts>();
        services.AddSingleton<GmailConsentStates>();
        services.AddSingleton<GmailStatusReader>();
        services.AddSingleton<Attention.AdminAttention>();
        services.AddSingleton(sp => new LocalMailboxDelivery(sp.LocalPath(sp.GetRequiredService<IOptions<MailboxDeliveryOptions>>().Value.FolderPath)));
        services.AddSingleton<ILocalMailboxes>(sp => sp.GetRequiredService<LocalMailboxDelivery>());
        // "Gmail" deliveries go to the Gmail API when MailboxDelivery:Provider is Gmail; on the
        // embedded defaults the local mailbox stands in for Gmail, so mail is visible without Google.
        services.AddGmailDelivery();
        services.AddGmailConnect();
        services.AddSingleton(sp => new MailboxDeliveries(
            gmail: sp.GetRequiredService<IOptions<MailboxDeliveryOptions>>().Value.Provider.Equals(MailboxDeliveryOptions.Gmail, StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<GmailMailboxDelivery>()
                : sp.GetRequiredService<LocalMailboxDelivery>(),
            localMailbox: sp.GetRequiredService<LocalMailboxDelivery>()));
        services.AddSingleton<IInboundSource>(sp => new FolderInboundSource(
            sp.LocalPath(sp.GetRequiredService<IOptions<InboundOptions>>().Value.FolderPath),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FolderInboundSource>>()));
        services.AddSingleton<IStuckInboxItems>(sp => new FolderStuckInboxItems(sp.LocalPath(sp.GetRequiredService<IOptions<InboundOptions>>().Value.FolderPath)));
        services.AddSingleton<StuckInbox>();
        return services;
    }

    /// <summary>Binds, validates at start, and exposes the options as <see cref="IPortOptions"/> for the start-up log.</summary>
    public static IServiceCollection AddPortOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class, IPortOptions
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindSection(section);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddSingleton<IPortOptions>(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services;
    }

    /// <summary>A local adapter's path, resolved under <c>LocalData:Directory</c> in the content root.</summary>
    public static string LocalPath(this IServiceProvider services, string relativeOrAbsolute) =>
        services.GetRequiredService<IOptions<LocalDataOptions>>().Value
            .Resolve(services.GetRequiredService<IHostEnvironment>().ContentRootPath, relativeOrAbsolute);
}
