
namespace MailRelay.Core.Metrics;

/// <summary>How many deliveries ended delivered, went to the queue (waiting for Gmail) or failed for good.</summary>
public readonly record struct OutcomeCounts(int Delivered, int Queued, int Failed)
{
    public static OutcomeCounts operator +(OutcomeCounts a, OutcomeCounts b) =>
        new(a.Delivered + b.Delivered, a.Queued + b.Queued, a.Failed + b.Failed);
}
