namespace MailRelay.Core.Cluster;

/// <summary>This process as one instance of the cluster: the owner of its job leases and the origin of its changes.</summary>
public sealed class ClusterInstance
{
    /// <summary>Unique per process start, so a restarted instance is a new one.</summary>
    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
}
