using MailRelay.Core.Configuration;

namespace MailRelay.Core.Metrics;

/// <summary>The queue metrics sampler and where its figures go (<c>Metrics</c> section).</summary>
public sealed class MetricsOptions : IPortOptions
{
    public const string SectionName = "Metrics";
    public const string Emf = "Emf";
    public const string None = "None";

    public string PortName => SectionName;

    /// <summary>Emf (default): each minute's figures as CloudWatch Embedded Metric Format lines on stdout. None: charts only.</summary>
    public string Provider { get; set; } = Emf;

    /// <summary>The CloudWatch namespace of the EMF metrics.</summary>
    public string Namespace { get; set; } = "MailRelay";

    /// <summary>How often queue depth is sampled for the live charts.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Days one-minute points are kept in the store.</summary>
    public int RetentionDays { get; set; } = 7;

    public bool UsesEmf => Provider.Equals(Emf, StringComparison.OrdinalIgnoreCase);
}
