using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Metrics.Adapters;

/// <summary>
/// One-minute queue metrics: PK METRICS, SK minute#name#user, so a range of minutes is one Query
/// (BETWEEN) in minute order. A point is put without a condition: saving a minute again replaces it.
/// </summary>
public sealed class DynamoDbMetricPointStore(DynamoDbTable table) : IMetricPointStore
{
    private const string MetricsPartition = "METRICS";

    // The total has no user; '*' stands for it in the key (a user id is never '*').
    private const string MetricTotalKey = "*";

    public async Task SaveMetricPointsAsync(IReadOnlyCollection<MetricPoint> points, CancellationToken cancellationToken)
    {
        // BatchWriteItem refuses a batch that names the same key twice: the last point of a key wins, as in SQLite.
        var items = points.Select(MetricItem).GroupBy(i => i["SK"].S).Select(g => g.Last());
        await BatchWriteAsync(items.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), cancellationToken);
    }

    public async Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (from >= to) return [];
        return (await table.QueryAsync(Between(MetricsPartition, Time(from), Time(to)), cancellationToken)).Select(ReadMetric).ToList();
    }

    /// <summary>Reads the keys of the old points (one Query, SK &lt; before) and deletes them 25 at a time.</summary>
    public async Task<int> PruneMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            KeyConditionExpression = "PK = :pk AND SK < :before",
            ExpressionAttributeValues = new() { [":pk"] = S(MetricsPartition), [":before"] = S(Time(before)) },
            ProjectionExpression = "PK, SK",
            ConsistentRead = true,
        };
        var old = await table.QueryAsync(request, cancellationToken);
        await BatchWriteAsync(old.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = Key(k["PK"].S, k["SK"].S) } }), cancellationToken);
        return old.Count;
    }

    /// <summary>Puts and deletes in batches of 25, retrying what DynamoDB left unprocessed.</summary>
    private async Task BatchWriteAsync(IEnumerable<WriteRequest> writes, CancellationToken cancellationToken)
    {
        foreach (var chunk in writes.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [table.Name] = [.. chunk] };
            for (var round = 0; pending.Count > 0; round++)
            {
                if (round > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * round)), cancellationToken);
                var response = await table.Client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        }
    }

    private static Item MetricItem(MetricPoint p) => NewItem(MetricsPartition, $"{Time(p.Minute)}#{p.Name}#{p.UserId ?? MetricTotalKey}")
        .Also("Minute", T(p.Minute)).Also("Name", S(p.Name)).Also("UserKey", S(p.UserId ?? MetricTotalKey))
        .Also("Value", new AttributeValue { N = p.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) });

    private static MetricPoint ReadMetric(Item i)
    {
        var key = i.Str("UserKey");
        return new MetricPoint(i.Time("Minute"), i.Str("Name"), key == MetricTotalKey ? null : key,
            double.Parse(i["Value"].N, System.Globalization.CultureInfo.InvariantCulture));
    }
}
