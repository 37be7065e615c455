namespace MailRelay.Core.Cluster;

/// <summary>
/// Named leases in the store, one per job, so that work meant to run once per period across all
/// instances (the sweep, DNS checks, expiry alerts) runs on one instance at a time. A lease is
/// free when nobody took it or its holder's time has ended; the holder may take it again.
/// </summary>
public interface IJobLeases
{
    /// <summary>
    /// Gives <paramref name="owner"/> the lease on <paramref name="jobName"/> until <paramref name="until"/>
    /// when it is free at <paramref name="now"/> (never taken, or held until before now) or already
    /// <paramref name="owner"/>'s (then it is extended). True when <paramref name="owner"/> holds it
    /// afterwards; of two owners asking at once, exactly one gets it.
    /// </summary>
    Task<bool> TryAcquireAsync(string jobName, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Frees the lease if <paramref name="owner"/> holds it; a lease someone else holds is left as it is.</summary>
    Task ReleaseAsync(string jobName, string owner, CancellationToken cancellationToken);
}
