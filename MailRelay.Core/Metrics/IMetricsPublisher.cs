namespace MailRelay.Core.Metrics;

/// <summary>Sends each minute's figures to a metrics system. Emf: CloudWatch Embedded Metric Format on stdout.</summary>
public interface IMetricsPublisher
{
    Task PublishAsync(MetricsMinute minute, CancellationToken cancellationToken);
}
