using System.Collections.Concurrent;
using MailRelay.Core.Forwarding;

namespace MailRelay.Core.Metrics;

/// <summary>
/// Outcomes counted where they happen (forwarding, Gmail health, SMTP provisioning) and taken by
/// the sampler each tick. Counting in memory costs the hot path no store write.
/// </summary>
public sealed class MetricCounters
{
    private int _delivered;
    private int _queued;
    private int _failed;
    private readonly ConcurrentDictionary<string, int> _provisioning = new(StringComparer.Ordinal);

    /// <summary>Counts deliveries that reached <paramref name="status"/>; other statuses are not outcomes and are ignored.</summary>
    public void DeliveryOutcome(DeliveryStatus status, int count = 1)
    {
        if (count <= 0) return;
        switch (status)
        {
            case DeliveryStatus.Delivered: Interlocked.Add(ref _delivered, count); break;
            case DeliveryStatus.Queued: Interlocked.Add(ref _queued, count); break;
            case DeliveryStatus.Failed: Interlocked.Add(ref _failed, count); break;
        }
    }

    /// <summary>Counts one SMTP provisioning result, e.g. "Active", "Retrying", "Failed", "Deleted".</summary>
    public void ProvisioningOutcome(string outcome) => _provisioning.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    /// <summary>The delivery outcomes since the last call.</summary>
    public OutcomeCounts TakeDeliveryOutcomes() =>
        new(Interlocked.Exchange(ref _delivered, 0), Interlocked.Exchange(ref _queued, 0), Interlocked.Exchange(ref _failed, 0));

    /// <summary>The provisioning outcomes since the last call.</summary>
    public IReadOnlyDictionary<string, int> TakeProvisioningOutcomes()
    {
        var taken = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _provisioning.Keys)
        {
            if (_provisioning.TryRemove(key, out var count)) taken[key] = count;
        }
        return taken;
    }
}
