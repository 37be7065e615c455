using MailRelay.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailRelay.Web.Hosting;

/// <summary>Ready means the store answers; used by <c>/readyz</c>.</summary>
public sealed class StoreHealthCheck(StoreReadiness store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsReadyAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The store answers.")
            : HealthCheckResult.Unhealthy("The store cannot be reached.");
}
