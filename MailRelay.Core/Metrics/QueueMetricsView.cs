
namespace MailRelay.Core.Metrics;

/// <summary>
/// A copy of the series for one window, safe to keep while the sampler moves on. The last outcome
/// minute is the current one, still counting. <see cref="Latest"/> is null until the first sample.
/// </summary>
public sealed record QueueMetricsView(MetricsWindow Window, IReadOnlyList<DepthSample> Depth, IReadOnlyList<OutcomeMinute> Outcomes, DepthSample? Latest)
{
    public bool IsEmpty => Depth.Count == 0 && Outcomes.Count == 0;
}
