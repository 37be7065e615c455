using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Core.Domains.Adapters;

/// <summary>The DNS page's services: domains, the records they need, and the DoH resolver that checks them.</summary>
internal static class DnsRegistration
{
    public const string HttpClientName = "MailRelay.Dns";

    public static IServiceCollection AddDnsChecks(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IDnsResolver>(sp => ActivatorUtilities.CreateInstance<DohDnsResolver>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<RecordPlanner>();
        services.AddSingleton<DnsChecker>();
        services.AddSingleton<DomainAdmin>();
        return services;
    }
}
