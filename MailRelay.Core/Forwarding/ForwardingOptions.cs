namespace MailRelay.Core.Forwarding;

/// <summary>How deliveries are attempted (<c>Forwarding</c> section). The defaults follow Gmail's quotas.</summary>
public sealed class ForwardingOptions
{
    public const string SectionName = "Forwarding";

    /// <summary>How often the drop folder or queue is read.</summary>
    public TimeSpan IntakeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often forwarding looks for due work when nothing asked it to run.</summary>
    public TimeSpan ForwardInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The sweep of Queued and Retrying deliveries and of finished blobs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often refresh tokens are checked for coming or past expiry.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 500;

    /// <summary>Users served at once; each user's mail goes one at a time, in received order.</summary>
    public int ParallelUsers { get; set; } = 32;

    /// <summary>
    /// How long a claimed delivery stays with its instance unless renewed: a heartbeat renews it every
    /// third of this while the batch runs, so it is also how soon a dead instance's lanes move on
    /// (20 s: with the next forwarding run, well inside the 30 s a deploy or crash may cost a lane).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>First in-process retry delay; doubled for each of the three retries (2 s, 4 s, 8 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between attempts once in-process retries are spent.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gmail allows 15,000 quota units per user per minute and an import costs 25.</summary>
    public int ImportsPerMinutePerUser { get; set; } = 600;

    /// <summary>Days a message's raw bytes are kept after every delivery is done (0 = delete at once).</summary>
    public int BlobRetentionDays { get; set; }
}
