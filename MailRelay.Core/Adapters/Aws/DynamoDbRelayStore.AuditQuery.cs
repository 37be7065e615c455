using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Domain;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// The audit page's filters. Entries stay in the AUDIT partition (newest first by sequence); who,
/// action and time are a FilterExpression, so a filtered page reads the partition (below
/// BeforeSequence) until it has skip + take matches and the total counts every match (keys only).
/// Actors are kept as AUDITACTORS/ACTOR#id items, put (idempotently) before each entry.
/// </summary>
public sealed partial class DynamoDbRelayStore
{
    private const string AuditActorsPartition = "AUDITACTORS";

    public async Task<Page<AuditEntry>> ListAuditAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var items = await QueryAsync(AuditQuery(filter), cancellationToken, skip + take);
        var total = await CountAsync(AuditQuery(filter), cancellationToken);
        return new Page<AuditEntry>(items.Skip(skip).Take(take).Select(ReadAudit).ToList(), skip, take, total);
    }

    public async Task<IReadOnlyList<string>> ListAuditActorsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(Partition(AuditActorsPartition, "ACTOR#"), cancellationToken)).Select(i => i.Str("ActorId")).ToList();

    /// <summary>Unconditional: the item only says "this actor appears", so writing it again changes nothing.</summary>
    private async Task PutAuditActorAsync(string actorId, CancellationToken cancellationToken) =>
        await PutIfAsync(NewItem(AuditActorsPartition, "ACTOR#" + actorId).Also("ActorId", S(actorId)), null, cancellationToken);

    private static QueryRequest AuditQuery(AuditFilter filter)
    {
        var values = new Dictionary<string, AttributeValue> { [":pk"] = S(AuditPartition) };
        var names = new Dictionary<string, string>();
        var conditions = new List<string>();
        void Add(string attribute, string op, string placeholder, AttributeValue value)
        {
            names["#" + attribute] = attribute;
            values[placeholder] = value;
            conditions.Add($"#{attribute} {op} {placeholder}");
        }
        if (!string.IsNullOrEmpty(filter.ActorId)) Add("ActorId", "=", ":actor", S(filter.ActorId));
        if (!string.IsNullOrEmpty(filter.Action)) Add("Action", "=", ":action", S(filter.Action));
        if (filter.From is { } from) Add("At", ">=", ":from", T(from));
        if (filter.To is { } to) Add("At", "<=", ":to", T(to));
        var key = "PK = :pk";
        if (filter.BeforeSequence is { } before)
        {
            key += " AND SK < :before";
            values[":before"] = S(Padded(before));
        }
        return new QueryRequest
        {
            KeyConditionExpression = key,
            FilterExpression = conditions.Count == 0 ? null : string.Join(" AND ", conditions),
            ExpressionAttributeNames = names.Count == 0 ? null : names,
            ExpressionAttributeValues = values,
            ScanIndexForward = false,
            ConsistentRead = true,
            // Limit counts items read before the filter: a small one would mean many round trips for a rare match.
            Limit = conditions.Count == 0 ? null : 1000,
        };
    }
}
