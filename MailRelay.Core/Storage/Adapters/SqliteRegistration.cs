using MailRelay.Core.Audit;
using MailRelay.Core.Audit.Adapters;
using MailRelay.Core.Cluster;
using MailRelay.Core.Cluster.Adapters;
using MailRelay.Core.Domains;
using MailRelay.Core.Domains.Adapters;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Gmail;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Infrastructure.Sqlite;
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
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core.Storage.Adapters;

public static class SqliteRegistration
{
    /// <summary>The embedded default: one class per store port, all on the registered <see cref="SqliteDatabase"/>.</summary>
    public static IServiceCollection AddSqliteStores(this IServiceCollection services)
    {
        services.AddSingleton<IStoreSchema, SqliteStoreSchema>();
        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<IAuditStore, SqliteAuditStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IDeliveryStore, SqliteDeliveryStore>();
        services.AddSingleton<IRouteStore, SqliteRouteStore>();
        services.AddSingleton<IGmailConnectionStore, SqliteGmailConnectionStore>();
        services.AddSingleton<ISmtpUserStore, SqliteSmtpUserStore>();
        services.AddSingleton<IUsageStore, SqliteUsageStore>();
        services.AddSingleton<IMetricPointStore, SqliteMetricPointStore>();
        services.AddSingleton<IDomainStore, SqliteDomainStore>();
        services.AddSingleton<IJobLeases, SqliteJobLeases>();
        // An SQLite database serves one process, so that process's memory counts for the whole cluster.
        services.AddSingleton<IImportAllowance, InProcessImportAllowance>();
        return services;
    }
}
