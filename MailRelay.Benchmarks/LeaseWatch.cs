using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Storage.Adapters;

namespace MailRelay.Benchmarks;

/// <summary>
/// Watches, straight in the table, the deliveries a killed instance held leases on: takeover is
/// over when none of them is still leased to it (another instance took it, or finished it). A
/// Scan is fine for a bench looking from outside; MailRelay itself never scans.
/// </summary>
public sealed class LeaseWatch(string serviceUrl, string tableName) : IDisposable
{
    private readonly AmazonDynamoDBClient _client = DynamoDbRegistration.CreateClient(
        new DynamoDbSettings { TableName = tableName, Region = "eu-west-1", ServiceUrl = serviceUrl }, new BasicAWSCredentials("bench", "bench"));

    /// <summary>
    /// The keys of the deliveries leased to the process <paramref name="processId"/> (its lease owner
    /// names carry <c>-PID-</c>), and how many users' lanes they are in.
    /// </summary>
    public async Task<(IReadOnlyList<Dictionary<string, AttributeValue>> Keys, int Lanes)> LeasedToAsync(int processId)
    {
        var keys = new List<Dictionary<string, AttributeValue>>();
        var lanes = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _client.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                FilterExpression = "attribute_exists(LeaseUntil) AND contains(LeaseOwner, :pid)",
                ExpressionAttributeValues = new() { [":pid"] = new AttributeValue($"-{processId}-") },
                ExclusiveStartKey = start,
            });
            keys.AddRange(page.Items.Select(i => new Dictionary<string, AttributeValue> { ["PK"] = i["PK"], ["SK"] = i["SK"] }));
            lanes.UnionWith(page.Items.Select(i => i.TryGetValue("GSI1PK", out var lane) ? lane.S : "").Where(l => l.Length > 0));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return (keys, lanes.Count);
    }

    /// <summary>How many of <paramref name="keys"/> are still leased to the process <paramref name="processId"/>.</summary>
    public async Task<int> StillLeasedToAsync(int processId, IReadOnlyList<Dictionary<string, AttributeValue>> keys)
    {
        var still = 0;
        foreach (var key in keys)
        {
            var item = (await _client.GetItemAsync(new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true })).Item;
            if (item is not null && item.TryGetValue("LeaseOwner", out var owner) && owner.S?.Contains($"-{processId}-", StringComparison.Ordinal) == true) still++;
        }
        return still;
    }

    public void Dispose() => _client.Dispose();
}
