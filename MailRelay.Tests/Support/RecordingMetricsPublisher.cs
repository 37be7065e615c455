using MailRelay.Core.Metrics;

namespace MailRelay.Tests.Support;

/// <summary>Keeps every published minute, for asserting what the sampler sends out.</summary>
public sealed class RecordingMetricsPublisher : IMetricsPublisher
{
    private readonly List<MetricsMinute> _minutes = [];

    public IReadOnlyList<MetricsMinute> Minutes { get { lock (_minutes) return [.. _minutes]; } }

    public Task PublishAsync(MetricsMinute minute, CancellationToken cancellationToken)
    {
        lock (_minutes) _minutes.Add(minute);
        return Task.CompletedTask;
    }
}
