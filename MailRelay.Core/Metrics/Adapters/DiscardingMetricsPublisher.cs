namespace MailRelay.Core.Metrics.Adapters;

/// <summary><c>Metrics:Provider=None</c>: the charts still work; nothing is sent anywhere.</summary>
public sealed class DiscardingMetricsPublisher : IMetricsPublisher
{
    public Task PublishAsync(MetricsMinute minute, CancellationToken cancellationToken) => Task.CompletedTask;
}
