using System.Globalization;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Cluster.Adapters;

/// <summary>
/// One item per batch in a partition per minute (PK <c>CHANGES#yyyy-MM-ddTHH:mm</c>, SK
/// <c>time#origin#n</c>), so a window of seconds is one Query (BETWEEN) on one or two partitions.
/// Items carry <c>ExpiresAt</c> (epoch seconds, an hour on) for DynamoDB's TTL to delete them;
/// nothing reads a minute that old.
/// </summary>
public sealed class DynamoDbRelayChangeFeed(DynamoDbTable table) : IRelayChangeFeed
{
    /// <summary>How long an item outlives its batch before TTL removes it.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private long _sequence;

    public async Task AppendAsync(string origin, DateTimeOffset at, IReadOnlyCollection<RelayChange> changes, CancellationToken cancellationToken)
    {
        var sk = $"{Time(at)}#{origin}#{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}";
        var item = NewItem(Partition(at), sk).Also("Origin", S(origin)).Also("At", T(at))
            .Also("Changes", new AttributeValue { L = [.. changes.Select(ChangeValue)] })
            .Also("ExpiresAt", N((at + Retention).ToUnixTimeSeconds()));
        await table.PutIfAsync(item, condition: null, cancellationToken);
    }

    public async Task<IReadOnlyList<RelayChangeBatch>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string reader, CancellationToken cancellationToken)
    {
        var batches = new List<RelayChangeBatch>();
        for (var minute = MinuteOf(from); minute < to; minute = minute.AddMinutes(1))
        {
            // '#' sorts after every character of a time, so "to" itself is excluded and "from#…" included.
            var request = Between(Partition(minute), Time(from), Time(to));
            // Eventually consistent at half the cost: a batch missed now is in the next read's window.
            request.ConsistentRead = false;
            batches.AddRange((await table.QueryAsync(request, cancellationToken)).Where(i => i.Str("Origin") != reader).Select(ReadBatch));
        }
        return batches;
    }

    private static string Partition(DateTimeOffset at) => "CHANGES#" + at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset MinuteOf(DateTimeOffset at) => new(at.UtcDateTime.Ticks - at.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static AttributeValue ChangeValue(RelayChange change) => new()
    {
        M = new Item().Also("Kind", S(change.Kind)).With("UserId", change.UserId).With("MessageId", change.MessageId),
    };

    private static RelayChangeBatch ReadBatch(Item i) => new(i.Str("SK"), i.Str("Origin"), i.Time("At"),
        [.. i["Changes"].L.Select(c => new RelayChange(c.M.Str("Kind"), c.M.OptStr("UserId"), c.M.OptStr("MessageId")))]);
}
