using MailRelay.Core.Domain;

namespace MailRelay.Core.Adapters.Aws;

public sealed partial class DynamoDbRelayStore
{
    private static readonly DeliveryStatus[] Waiting =
        [DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying, DeliveryStatus.Held, DeliveryStatus.Failed];

    /// <summary>Every lane's deliveries from GSI1 (an admin page, bounded by the retained deliveries), one summary per user.</summary>
    public async Task<IReadOnlyList<UserQueueSummary>> SummarizeQueuesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<UserQueueSummary>();
        foreach (var lane in await ListLanesAsync(cancellationToken))
        {
            var deliveries = await LaneDeliveriesAsync(lane, cancellationToken);
            if (deliveries.Count > 0) summaries.Add(Summarize(lane, deliveries));
        }
        return summaries.OrderBy(s => s.UserId, StringComparer.Ordinal).ToList();
    }

    public async Task<UserQueueSummary> SummarizeUserQueueAsync(string userId, DateTimeOffset? createdUpTo, CancellationToken cancellationToken)
    {
        var deliveries = await LaneDeliveriesAsync(userId, cancellationToken);
        return Summarize(userId, deliveries.Where(d => createdUpTo is null || d.CreatedAt <= createdUpTo).ToList());
    }

    private static UserQueueSummary Summarize(string userId, IReadOnlyList<Delivery> deliveries)
    {
        int Count(DeliveryStatus status) => deliveries.Count(d => d.Status == status);
        var oldest = deliveries.Where(d => Waiting.Contains(d.Status)).Select(d => (DateTimeOffset?)d.CreatedAt).Min();
        return new UserQueueSummary(userId, Count(DeliveryStatus.Pending), Count(DeliveryStatus.Queued), Count(DeliveryStatus.Retrying),
            Count(DeliveryStatus.Held), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Delivered), oldest);
    }
}
