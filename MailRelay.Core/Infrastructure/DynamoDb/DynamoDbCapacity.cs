using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;

namespace MailRelay.Core.Infrastructure.DynamoDb;

/// <summary>
/// The capacity units DynamoDB reports as consumed (<c>ReturnConsumedCapacity = TOTAL</c>), added up per
/// operation (GetItem, Query, PutItem…) for every call of one client. On-demand billing charges these
/// units, so a benchmark reads the cost of an access pattern as the difference of two snapshots.
/// Every call <see cref="DynamoDbTable"/> makes asks for it; dynalite reports it as DynamoDB documents
/// (1 write unit per KB written, 1 read unit per 4 KB read strongly consistent, half that eventually
/// consistent) but, unlike DynamoDB, does not add the GSI1 writes of an indexed item.
/// </summary>
public sealed class DynamoDbCapacity
{
    private readonly ConcurrentDictionary<string, double> _units = new(StringComparer.Ordinal);

    /// <summary>Units consumed so far per operation name (e.g. "Query"): read and write units together, as billed.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() => new Dictionary<string, double>(_units, StringComparer.Ordinal);

    /// <summary>All units consumed so far.</summary>
    public double Total => _units.Values.Sum();

    /// <summary>Units consumed by what <paramref name="work"/> does on this client.</summary>
    public async Task<double> MeasureAsync(Func<Task> work)
    {
        var before = Total;
        await work();
        return Total - before;
    }

    /// <summary>Adds what one call reported (null when DynamoDB was not asked).</summary>
    internal void Add(string operation, IEnumerable<ConsumedCapacity?>? consumed)
    {
        var units = consumed?.Sum(c => c?.CapacityUnits ?? 0) ?? 0;
        if (units > 0) _units.AddOrUpdate(operation, units, (_, sum) => sum + units);
    }
}
