using MailRelay.Core.Common;

namespace MailRelay.Core.Cluster;

/// <summary>
/// Background work that acts on what all instances share (the queues, users' inboxes, DNS), so it
/// must run once per period across the cluster, not once per instance. Its job runs it only on the
/// instance that gets the work's job lease (<see cref="ClusterOnceRuns"/>); the others skip that firing.
/// </summary>
public interface IClusterOnceWork : IBackgroundWork
{
    /// <summary>
    /// How long a run keeps the other instances from running the work: its schedule's interval, so
    /// the holder's next firing finds the lease its own and the others' firings in between find it held.
    /// </summary>
    TimeSpan Period { get; }
}
