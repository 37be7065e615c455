namespace MailRelay.Core.Cluster;

/// <summary>
/// Decides whether this instance runs a cluster-once work now: it does when it gets the work's job
/// lease for one period, or holds it already. The lease is kept after the run, not released: it
/// is what stops the other instances' firings for the rest of the period. If the holder dies, the
/// lease ends within a period and the next firing elsewhere takes it.
/// </summary>
public sealed class ClusterOnceRuns(IJobLeases leases, ClusterInstance instance, TimeProvider time)
{
    /// <summary>This process's name as a lease owner: unique per process start, so a restarted instance is a new owner.</summary>
    public string Owner => instance.Name;

    public async Task<bool> TryStartAsync(string jobName, TimeSpan period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await leases.TryAcquireAsync(jobName, Owner, now, now + period, cancellationToken);
    }
}
