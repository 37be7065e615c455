using MailRelay.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core.Adapters.Local;

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
        return services;
    }
}
