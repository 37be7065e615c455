namespace MailRelay.Core.Cluster;

/// <summary>This process as one instance of the cluster: the owner of its delivery and job leases and the origin of its changes.</summary>
public sealed class ClusterInstance
{
    /// <summary>
    /// Unique per process start, so a restarted instance is a new one; at most 48 characters, keeping
    /// the end (the process id and the GUID that make it unique), as a lease owner is stored.
    /// </summary>
    public string Name { get; } = LastChars($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}", 48);

    private static string LastChars(string value, int max) => value.Length <= max ? value : value[^max..];
}
