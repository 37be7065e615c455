using Amazon.DynamoDBv2;
using MailRelay.Core.Audit;
using MailRelay.Core.Cluster;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Metrics;
using MailRelay.Core.Outbound;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Support;

/// <summary>
/// Every store port of one adapter, for tests that arrange data through several of them. Built from
/// the production registrations, so a port the registration forgets fails here too.
/// </summary>
public sealed record StorePorts(
    IUserStore Users, IAuditStore Audit, IMessageStore Messages, IDeliveryStore Deliveries, IRouteStore Routes,
    IGmailConnectionStore Gmail, ISmtpUserStore SmtpUsers, IUsageStore Usage, IMetricPointStore Metrics, IDomainStore Domains,
    IStoreSchema Schema, IJobLeases JobLeases, IImportAllowance ImportAllowance)
{
    public static StorePorts Sqlite(SqliteDatabase database) =>
        From(new ServiceCollection().AddSingleton(database).AddSqliteStores().BuildServiceProvider());

    /// <summary>The DynamoDB classes, put in place of the SQLite ones as <c>Store:Provider</c> DynamoDb does.</summary>
    public static StorePorts DynamoDb(IAmazonDynamoDB client, DynamoDbSettings settings) =>
        From(new ServiceCollection().AddSingleton(new DynamoDbTable(client, settings)).AddSqliteStores().AddDynamoDbStores().BuildServiceProvider());

    public static StorePorts From(IServiceProvider services) => new(
        services.GetRequiredService<IUserStore>(), services.GetRequiredService<IAuditStore>(), services.GetRequiredService<IMessageStore>(),
        services.GetRequiredService<IDeliveryStore>(), services.GetRequiredService<IRouteStore>(), services.GetRequiredService<IGmailConnectionStore>(),
        services.GetRequiredService<ISmtpUserStore>(), services.GetRequiredService<IUsageStore>(), services.GetRequiredService<IMetricPointStore>(),
        services.GetRequiredService<IDomainStore>(), services.GetRequiredService<IStoreSchema>(),
        services.GetRequiredService<IJobLeases>(), services.GetRequiredService<IImportAllowance>());

    /// <summary>Registers each port as itself, for a test host that is given these stores.</summary>
    public IServiceCollection AddTo(IServiceCollection services) => services
        .AddSingleton(Users).AddSingleton(Audit).AddSingleton(Messages).AddSingleton(Deliveries).AddSingleton(Routes)
        .AddSingleton(Gmail).AddSingleton(SmtpUsers).AddSingleton(Usage).AddSingleton(Metrics).AddSingleton(Domains).AddSingleton(Schema)
        .AddSingleton(JobLeases).AddSingleton(ImportAllowance);
}
