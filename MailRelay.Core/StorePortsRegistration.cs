using MailRelay.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core;

/// <summary>Each per-aggregate store port, served by the one <see cref="IRelayStore"/> of the configured technology.</summary>
public static class StorePortsRegistration
{
    /// <summary>Every interface <see cref="IRelayStore"/> is made of, so a port added to it is served without a line here.</summary>
    public static IServiceCollection AddStorePorts(this IServiceCollection services)
    {
        foreach (var port in typeof(IRelayStore).GetInterfaces())
            services.AddSingleton(port, sp => sp.GetRequiredService<IRelayStore>());
        return services;
    }
}
