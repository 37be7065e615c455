using MailRelay.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core;

/// <summary>Each per-aggregate store port, served by the one <see cref="IRelayStore"/> of the configured technology.</summary>
public static class StorePortsRegistration
{
    public static IServiceCollection AddStorePorts(this IServiceCollection services)
    {
        services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IMessageStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IDeliveryStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IRouteStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IGmailConnectionStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<ISmtpUserStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IUsageStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IMetricPointStore>(sp => sp.GetRequiredService<IRelayStore>());
        services.AddSingleton<IDomainStore>(sp => sp.GetRequiredService<IRelayStore>());
        return services;
    }
}
