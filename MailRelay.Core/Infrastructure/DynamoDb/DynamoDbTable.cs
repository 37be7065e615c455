using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Infrastructure.DynamoDb;

/// <summary>
/// The one DynamoDB table every store class shares (PK/SK plus the GSI1 index), and the few shapes
/// of call they all use: get, conditional put and delete, query all pages, count, counters.
/// </summary>
public sealed class DynamoDbTable(IAmazonDynamoDB client, DynamoDbSettings settings)
{
    public const string IndexName = "GSI1";

    internal IAmazonDynamoDB Client => client;

    /// <summary>The capacity units DynamoDB reported for this table's calls, per operation (what on-demand billing charges).</summary>
    public DynamoDbCapacity Capacity { get; } = new();

    private const string Total = "TOTAL";

    internal DynamoDbSettings Settings => settings;

    internal string Name => settings.TableName;

    internal static Item Key(string pk, string sk) => new() { ["PK"] = S(pk), ["SK"] = S(sk) };

    internal static Item NewItem(string pk, string sk) => Key(pk, sk);

    internal async Task<Item?> GetAsync(string pk, string sk, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = Name, Key = Key(pk, sk), ConsistentRead = true, ReturnConsumedCapacity = Total }, cancellationToken);
        Capacity.Add("GetItem", [response.ConsumedCapacity]);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Puts the item if the condition holds; false when it does not (a duplicate or a stale write).</summary>
    internal async Task<bool> PutIfAsync(Item item, string? condition, CancellationToken cancellationToken, Item? values = null, Dictionary<string, string>? names = null)
    {
        try
        {
            var response = await client.PutItemAsync(new PutItemRequest
            {
                TableName = Name, Item = item, ConditionExpression = condition,
                ExpressionAttributeValues = values, ExpressionAttributeNames = names, ReturnConsumedCapacity = Total,
            }, cancellationToken);
            Capacity.Add("PutItem", [response.ConsumedCapacity]);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    internal Task<bool> PutNewAsync(Item item, CancellationToken cancellationToken) =>
        PutIfAsync(item, "attribute_not_exists(PK)", cancellationToken);

    /// <summary>Deletes the item if the condition holds; returns the removed item, or null.</summary>
    internal async Task<Item?> DeleteIfAsync(string pk, string sk, string? condition, CancellationToken cancellationToken, Item? values = null, Dictionary<string, string>? names = null)
    {
        try
        {
            var response = await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = Name, Key = Key(pk, sk), ConditionExpression = condition, ReturnValues = Amazon.DynamoDBv2.ReturnValue.ALL_OLD,
                ExpressionAttributeValues = values, ExpressionAttributeNames = names, ReturnConsumedCapacity = Total,
            }, cancellationToken);
            Capacity.Add("DeleteItem", [response.ConsumedCapacity]);
            return response.Attributes is { Count: > 0 } old ? old : null;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Every item of a query (all pages), or the first <paramref name="max"/>.</summary>
    internal async Task<List<Item>> QueryAsync(QueryRequest request, CancellationToken cancellationToken, int? max = null)
    {
        request.TableName = Name;
        request.ReturnConsumedCapacity = Total;
        // Reading stops near what is needed: each page asks for at most the items still wanted.
        if (max is { } wanted && request.Limit is null) request.Limit = Math.Clamp(wanted, 1, 1000);
        var items = new List<Item>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            Capacity.Add("Query", [response.ConsumedCapacity]);
            if (response.Items is not null) items.AddRange(response.Items);
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null && (max is null || items.Count < max));
        return max is { } m && items.Count > m ? items.GetRange(0, m) : items;
    }

    /// <summary>The items of a query page by page as they are read, so a caller that stops early reads no further page.</summary>
    internal async IAsyncEnumerable<Item> ReadAsync(QueryRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        request.TableName = Name;
        request.ReturnConsumedCapacity = Total;
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            Capacity.Add("Query", [response.ConsumedCapacity]);
            foreach (var item in response.Items ?? []) yield return item;
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    /// <summary>How many items a query matches: every page is read (keys only), so the cost grows with the count.</summary>
    internal async Task<int> CountAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        request.TableName = Name;
        request.Select = Amazon.DynamoDBv2.Select.COUNT;
        request.ReturnConsumedCapacity = Total;
        var total = 0;
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            Capacity.Add("Query", [response.ConsumedCapacity]);
            total += response.Count ?? 0;
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return total;
    }

    internal static QueryRequest Partition(string pk, string? skPrefix = null, bool newestFirst = false) => new()
    {
        KeyConditionExpression = skPrefix is null ? "PK = :pk" : "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues = skPrefix is null ? new() { [":pk"] = S(pk) } : new() { [":pk"] = S(pk), [":prefix"] = S(skPrefix) },
        ScanIndexForward = !newestFirst,
        ConsistentRead = true,
    };

    /// <summary>
    /// Items of a partition whose SK starts at or after <paramref name="fromKey"/> and is before
    /// <paramref name="toKey"/>: SKs begin with a time followed by '#', so "to#…" sorts after "to".
    /// </summary>
    internal static QueryRequest Between(string pk, string fromKey, string toKey) => new()
    {
        KeyConditionExpression = "PK = :pk AND SK BETWEEN :from AND :to",
        ExpressionAttributeValues = new() { [":pk"] = S(pk), [":from"] = S(fromKey), [":to"] = S(toKey) },
        ConsistentRead = true,
    };

    internal static QueryRequest Index(string gsi1pk, bool newestFirst = false) => new()
    {
        IndexName = IndexName,
        KeyConditionExpression = "GSI1PK = :pk",
        ExpressionAttributeValues = new() { [":pk"] = S(gsi1pk) },
        ScanIndexForward = !newestFirst,
    };

    /// <summary>
    /// A GSI1 partition read from a cursor: only the sort keys beyond <paramref name="after"/> (below it newest
    /// first, above it oldest first), at most <paramref name="limit"/> items a call, so a deep page costs what the first does.
    /// </summary>
    internal static QueryRequest IndexAfter(string gsi1pk, string? after, int limit, bool newestFirst = false)
    {
        var request = Index(gsi1pk, newestFirst);
        if (after is not null)
        {
            request.KeyConditionExpression += newestFirst ? " AND GSI1SK < :after" : " AND GSI1SK > :after";
            request.ExpressionAttributeValues[":after"] = S(after);
        }
        request.Limit = Math.Clamp(limit, 1, 1000);
        return request;
    }

    /// <summary>Items by key, consistently read, in no particular order (100 keys per call, unprocessed keys retried).</summary>
    internal async Task<List<Item>> BatchGetAsync(IEnumerable<Item> keys, CancellationToken cancellationToken)
    {
        var found = new List<Item>();
        // BatchGetItem refuses a request that names the same key twice.
        foreach (var chunk in keys.DistinctBy(k => (k["PK"].S, k["SK"].S)).Chunk(100))
        {
            var pending = new Dictionary<string, KeysAndAttributes> { [Name] = new() { Keys = [.. chunk], ConsistentRead = true } };
            for (var round = 0; pending.Count > 0; round++)
            {
                if (round > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * round)), cancellationToken);
                var response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending, ReturnConsumedCapacity = Total }, cancellationToken);
                Capacity.Add("BatchGetItem", response.ConsumedCapacity);
                if (response.Responses is not null && response.Responses.TryGetValue(Name, out var items)) found.AddRange(items);
                pending = response.UnprocessedKeys is { Count: > 0 } left ? left : [];
            }
        }
        return found;
    }

    /// <summary>Puts and deletes in BatchWriteItem calls of 25, retrying (with a growing pause) what DynamoDB left unprocessed.</summary>
    internal async Task BatchWriteAsync(IEnumerable<WriteRequest> writes, CancellationToken cancellationToken)
    {
        foreach (var chunk in writes.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [Name] = [.. chunk] };
            for (var round = 0; pending.Count > 0; round++)
            {
                if (round > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * round)), cancellationToken);
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending, ReturnConsumedCapacity = Total }, cancellationToken);
                Capacity.Add("BatchWriteItem", response.ConsumedCapacity);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        }
    }

    /// <summary>One UpdateItem; a refused condition throws <see cref="ConditionalCheckFailedException"/> as the SDK does.</summary>
    internal async Task<UpdateItemResponse> UpdateAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        request.TableName = Name;
        request.ReturnConsumedCapacity = Total;
        var response = await client.UpdateItemAsync(request, cancellationToken);
        Capacity.Add("UpdateItem", [response.ConsumedCapacity]);
        return response;
    }

    /// <summary>The next number of a counter item (atomic ADD). A retried caller may skip numbers; they are never reused.</summary>
    internal Task<long> NextNumberAsync(string counter, CancellationToken cancellationToken) => TakeNumbersAsync(counter, 1, cancellationToken);

    /// <summary>Takes <paramref name="count"/> numbers of a counter item at once (atomic ADD); returns the last.</summary>
    internal async Task<long> TakeNumbersAsync(string counter, long count, CancellationToken cancellationToken)
    {
        var response = await UpdateAsync(new UpdateItemRequest
        {
            TableName = Name,
            Key = Key("COUNTER#" + counter, "COUNTER"),
            UpdateExpression = "ADD #v :count",
            ExpressionAttributeNames = new() { ["#v"] = "Value" },
            ExpressionAttributeValues = new() { [":count"] = N(count) },
            ReturnValues = Amazon.DynamoDBv2.ReturnValue.UPDATED_NEW,
        }, cancellationToken);
        return response.Attributes.Num("Value");
    }

    /// <summary>
    /// The number kept in a reservation item, allocated from <paramref name="counter"/> the first
    /// time: a retried intake finds the same message sequence and delivery ids again.
    /// </summary>
    internal async Task<long> ReserveNumberAsync(string pk, string sk, string counter, CancellationToken cancellationToken)
    {
        if (await GetAsync(pk, sk, cancellationToken) is { } existing) return existing.Num("Value");
        var number = await NextNumberAsync(counter, cancellationToken);
        if (await PutNewAsync(NewItem(pk, sk).Also("Value", N(number)), cancellationToken)) return number;
        return (await GetAsync(pk, sk, cancellationToken))!.Num("Value");
    }
}
