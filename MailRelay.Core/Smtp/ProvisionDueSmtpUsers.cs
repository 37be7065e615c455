using MailRelay.Core.Cluster;

namespace MailRelay.Core.Smtp;

/// <summary>Moves due SMTP users along (provisioning, retries, cleanup), a batch at a time until none is left due.</summary>
/// <remarks>
/// One instance polls per minute (the lease); a "provision now" firing runs at once where it was
/// asked, beside it if need be, since each user record is leased to the process working on it.
/// </remarks>
public sealed class ProvisionDueSmtpUsers(SmtpProvisioning provisioning) : IClusterOnceWork
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public TimeSpan Period => Interval;
    public const int BatchSize = 20;

    // Each process leases under its own name, so several processes never work on the same record.
    private static readonly string Owner = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    public string AfterFailure => "it runs again at its next time";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await provisioning.ProcessDueAsync(Owner, BatchSize, cancellationToken) == BatchSize)
        {
        }
    }
}
