using MailRelay.Core.Configuration;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core.Cluster.Adapters;

public static class ClusterChangeRegistration
{
    /// <summary>
    /// The change feed on the store's provider (the DynamoDB table that every instance shares, or
    /// memory for the one SQLite process) and the relay that joins it to this instance's events.
    /// </summary>
    public static IServiceCollection AddClusterChanges(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.Section<StoreOptions>(StoreOptions.SectionName).UsesDynamoDb) services.AddSingleton<IRelayChangeFeed, DynamoDbRelayChangeFeed>();
        else services.AddSingleton<IRelayChangeFeed, InProcessRelayChangeFeed>();
        services.AddSingleton<ClusterChangeRelay>();
        services.AddHostedService<ClusterChangeRelayHost>();
        return services;
    }
}
