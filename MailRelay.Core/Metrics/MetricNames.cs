
namespace MailRelay.Core.Metrics;

/// <summary>The metric names shared by the store, the charts and the EMF lines (CloudWatch shows these).</summary>
public static class MetricNames
{
    /// <summary>Deliveries not delivered yet: Pending, Queued, Retrying and Held.</summary>
    public const string QueueDepth = "QueueDepth";

    /// <summary>Seconds since the oldest undelivered delivery was created.</summary>
    public const string OldestAgeSeconds = "OldestAgeSeconds";

    public const string Delivered = "Delivered";
    public const string Queued = "Queued";
    public const string Failed = "Failed";

    /// <summary>Days until a user's Gmail refresh token expires (only tokens with a known expiry).</summary>
    public const string TokenDaysLeft = "TokenDaysLeft";

    /// <summary>SMTP credential provisioning results, with the outcome as a dimension.</summary>
    public const string SmtpProvisioning = "SmtpProvisioning";
}
