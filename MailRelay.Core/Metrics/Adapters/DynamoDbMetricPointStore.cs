using System.Globalization;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Metrics.Adapters;

/// <summary>
/// One-minute queue metrics in a partition per UTC day (PK <c>METRICS#yyyy-MM-dd</c>, SK
/// <c>minute#name#user</c>), so a range of minutes is one Query (BETWEEN) per day in minute order
/// and no partition grows without end. Gauges are put (saving a minute again replaces it); outcome
/// totals are added to with UpdateItem <c>ADD</c>, so every instance's outcomes sum. The days that
/// have points are listed under PK <c>METRICS#DAYS</c> (SK the day), which listing and pruning walk.
/// </summary>
public sealed class DynamoDbMetricPointStore(DynamoDbTable table) : IMetricPointStore
{
    private const string DaysPartition = "METRICS#DAYS";

    /// <summary>The one partition of the points saved before they were split by day; pruning empties it.</summary>
    private const string LegacyPartition = "METRICS";

    // The total has no user; '*' stands for it in the key (a user id is never '*').
    private const string MetricTotalKey = "*";

    private static readonly Dictionary<string, string> Names = new() { ["#minute"] = "Minute", ["#name"] = "Name", ["#value"] = "Value" };

    private readonly HashSet<string> _listedDays = [];

    public async Task SaveMetricPointsAsync(IReadOnlyCollection<MetricPoint> points, CancellationToken cancellationToken)
    {
        foreach (var day in points.Select(p => DayOf(p.Minute)).Distinct()) await ListDayAsync(day, cancellationToken);
        // BatchWriteItem refuses a batch that names the same key twice: the last point of a key wins, as in SQLite.
        var items = points.Select(MetricItem).GroupBy(i => (i["PK"].S, i["SK"].S)).Select(g => g.Last());
        await table.BatchWriteAsync(items.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), cancellationToken);
    }

    /// <summary>One UpdateItem <c>ADD</c> per outcome that has a count (usually just Delivered).</summary>
    public async Task AddOutcomesAsync(DateTimeOffset minute, OutcomeCounts counts, CancellationToken cancellationToken)
    {
        await ListDayAsync(DayOf(minute), cancellationToken);
        foreach (var (name, count) in Outcomes(counts).Where(o => o.Count != 0))
        {
            await table.UpdateAsync(new UpdateItemRequest
            {
                TableName = table.Name,
                Key = Key(Partition(minute), SortKey(minute, name, MetricTotalKey)),
                UpdateExpression = "ADD #value :count SET #minute = :minute, #name = :name, UserKey = :user",
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = new() { [":count"] = N(count), [":minute"] = T(minute), [":name"] = S(name), [":user"] = S(MetricTotalKey) },
            }, cancellationToken);
        }
    }

    /// <summary>One BatchGetItem of the three outcome items of each minute.</summary>
    public async Task<IReadOnlyList<OutcomeMinute>> ListOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var keys = new List<Item>();
        var first = QueueMetrics.MinuteOf(from);
        if (first < from) first = first.AddMinutes(1);
        for (var minute = first; minute < to; minute = minute.AddMinutes(1))
            keys.AddRange(Outcomes(default).Select(o => Key(Partition(minute), SortKey(minute, o.Name, MetricTotalKey))));
        return OutcomeMinutes.FromPoints((await table.BatchGetAsync(keys, cancellationToken)).Select(ReadMetric));
    }

    /// <summary>One Query for the listed days in the range, then one per day that has points.</summary>
    public async Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (from >= to) return [];
        var days = await table.QueryAsync(Between(DaysPartition, DayKey(DayOf(from)), DayKey(DayOf(to))), cancellationToken);
        var points = new List<MetricPoint>();
        foreach (var day in days.Select(d => d["SK"].S))
            points.AddRange((await table.QueryAsync(Between("METRICS#" + day, Time(from), Time(to)), cancellationToken)).Select(ReadMetric));
        return points;
    }

    /// <summary>
    /// Deletes every point of the listed days before <paramref name="before"/>'s day, and the points of
    /// that day (and of the old single partition) before it: one Query per day and 25 deletes per batch.
    /// </summary>
    public async Task<int> PruneMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var lastDay = DayOf(before);
        var oldDays = await table.QueryAsync(new QueryRequest
        {
            KeyConditionExpression = "PK = :pk AND SK < :day",
            ExpressionAttributeValues = new() { [":pk"] = S(DaysPartition), [":day"] = S(DayKey(lastDay)) },
            ConsistentRead = true,
        }, cancellationToken);
        var pruned = 0;
        foreach (var day in oldDays.Select(d => d["SK"].S))
        {
            pruned += await DeleteAsync(KeysBefore("METRICS#" + day, null), cancellationToken);
            await table.DeleteIfAsync(DaysPartition, day, condition: null, cancellationToken);
            lock (_listedDays) _listedDays.Remove(day);
        }
        pruned += await DeleteAsync(KeysBefore(Partition(lastDay), Time(before)), cancellationToken);
        pruned += await DeleteAsync(KeysBefore(LegacyPartition, Time(before)), cancellationToken);
        return pruned;
    }

    /// <summary>Puts the day into the list of days with points, once per day per process.</summary>
    private async Task ListDayAsync(DateTimeOffset day, CancellationToken cancellationToken)
    {
        var key = DayKey(day);
        lock (_listedDays)
        {
            if (_listedDays.Contains(key)) return;
        }
        await table.PutIfAsync(NewItem(DaysPartition, key), condition: null, cancellationToken);
        lock (_listedDays) _listedDays.Add(key);
    }

    private static QueryRequest KeysBefore(string partition, string? before) => new()
    {
        KeyConditionExpression = before is null ? "PK = :pk" : "PK = :pk AND SK < :before",
        ExpressionAttributeValues = before is null ? new() { [":pk"] = S(partition) } : new() { [":pk"] = S(partition), [":before"] = S(before) },
        ProjectionExpression = "PK, SK",
        ConsistentRead = true,
    };

    private async Task<int> DeleteAsync(QueryRequest keys, CancellationToken cancellationToken)
    {
        var old = await table.QueryAsync(keys, cancellationToken);
        await table.BatchWriteAsync(old.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = Key(k["PK"].S, k["SK"].S) } }), cancellationToken);
        return old.Count;
    }

    private static (string Name, int Count)[] Outcomes(OutcomeCounts counts) =>
        [(MetricNames.Delivered, counts.Delivered), (MetricNames.Queued, counts.Queued), (MetricNames.Failed, counts.Failed)];

    private static DateTimeOffset DayOf(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    private static string DayKey(DateTimeOffset day) => day.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Partition(DateTimeOffset minute) => "METRICS#" + DayKey(minute);

    private static string SortKey(DateTimeOffset minute, string name, string userKey) => $"{Time(minute)}#{name}#{userKey}";

    private static Item MetricItem(MetricPoint p) => NewItem(Partition(p.Minute), SortKey(p.Minute, p.Name, p.UserId ?? MetricTotalKey))
        .Also("Minute", T(p.Minute)).Also("Name", S(p.Name)).Also("UserKey", S(p.UserId ?? MetricTotalKey))
        .Also("Value", new AttributeValue { N = p.Value.ToString("R", CultureInfo.InvariantCulture) });

    private static MetricPoint ReadMetric(Item i)
    {
        var key = i.Str("UserKey");
        return new MetricPoint(i.Time("Minute"), i.Str("Name"), key == MetricTotalKey ? null : key,
            double.Parse(i["Value"].N, CultureInfo.InvariantCulture));
    }
}
