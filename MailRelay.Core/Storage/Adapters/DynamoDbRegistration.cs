using Amazon.DynamoDBv2;
using Amazon.Runtime;
using MailRelay.Core.Audit;
using MailRelay.Core.Audit.Adapters;
using MailRelay.Core.Cluster;
using MailRelay.Core.Cluster.Adapters;
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
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Metrics;
using MailRelay.Core.Metrics.Adapters;
using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Core.Routing;
using MailRelay.Core.Routing.Adapters;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Users;
using MailRelay.Core.Users.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage.Adapters;

public static class DynamoDbRegistration
{
    /// <summary>
    /// Puts the DynamoDB store classes (on one <see cref="DynamoDbTable"/>) in place of the SQLite ones
    /// when <c>Store:Provider</c> is DynamoDb (the <c>Store</c> DynamoDB keys are validated at start with the other store options).
    /// Credentials come from AWSSDK.Core's default chain unless an <see cref="AWSCredentials"/> is
    /// registered already; they are resolved at first use.
    /// </summary>
    public static IServiceCollection AddDynamoDbStore(this IServiceCollection services, IConfiguration configuration)
    {
        var store = configuration.Section<StoreOptions>(StoreOptions.SectionName);
        if (!store.UsesDynamoDb) return services;
        services.TryAddAwsCredentials();
        services.TryAddSingleton<IAmazonDynamoDB>(sp => CreateClient(sp.GetRequiredService<IOptions<StoreOptions>>().Value.ToDynamoDbSettings(), sp.GetRequiredService<AWSCredentials>()));
        services.TryAddSingleton(sp => new DynamoDbTable(sp.GetRequiredService<IAmazonDynamoDB>(), sp.GetRequiredService<IOptions<StoreOptions>>().Value.ToDynamoDbSettings()));
        return services.AddDynamoDbStores();
    }

    /// <summary>Puts the DynamoDB class of every store port in place of the SQLite one, all on the registered <see cref="DynamoDbTable"/>.</summary>
    public static IServiceCollection AddDynamoDbStores(this IServiceCollection services) => services
        .Replace(ServiceDescriptor.Singleton<IStoreSchema, DynamoDbStoreSchema>())
        .Replace(ServiceDescriptor.Singleton<IUserStore, DynamoDbUserStore>())
        .Replace(ServiceDescriptor.Singleton<IAuditStore, DynamoDbAuditStore>())
        .Replace(ServiceDescriptor.Singleton<IMessageStore, DynamoDbMessageStore>())
        .Replace(ServiceDescriptor.Singleton<IDeliveryStore, DynamoDbDeliveryStore>())
        .Replace(ServiceDescriptor.Singleton<IRouteStore, DynamoDbRouteStore>())
        .Replace(ServiceDescriptor.Singleton<IGmailConnectionStore, DynamoDbGmailConnectionStore>())
        .Replace(ServiceDescriptor.Singleton<ISmtpUserStore, DynamoDbSmtpUserStore>())
        .Replace(ServiceDescriptor.Singleton<IUsageStore, DynamoDbUsageStore>())
        .Replace(ServiceDescriptor.Singleton<IMetricPointStore, DynamoDbMetricPointStore>())
        .Replace(ServiceDescriptor.Singleton<IDomainStore, DynamoDbDomainStore>())
        .Replace(ServiceDescriptor.Singleton<IJobLeases, DynamoDbJobLeases>())
        .Replace(ServiceDescriptor.Singleton<IImportAllowance, DynamoDbImportAllowance>());

    /// <summary>A client for the table's region, or for <see cref="DynamoDbSettings.ServiceUrl"/> (dynalite) signed for that region.</summary>
    public static AmazonDynamoDBClient CreateClient(DynamoDbSettings settings, AWSCredentials credentials)
    {
        var config = new AmazonDynamoDBConfig().PointAt(settings.Region, settings.ServiceUrl);
        return new AmazonDynamoDBClient(credentials, config);
    }
}
