using MailRelay.Core.Domain;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// The audit log: PK AUDIT, SK the zero-padded sequence from the audit counter, so a Query in
/// reverse is newest first. Entries are only ever put with attribute_not_exists: never replaced.
/// </summary>
public sealed partial class DynamoDbRelayStore
{
    private const string AuditPartition = "AUDIT";

    public async Task<AuditEntry> AppendAuditAsync(NewAuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The actor first: a crash in between leaves an actor with no entry yet, never an entry whose actor is missing from the filter.
        await PutAuditActorAsync(entry.ActorId, cancellationToken);
        var sequence = await NextNumberAsync("audit", cancellationToken);
        var item = NewItem(AuditPartition, Padded(sequence))
            .Also("Sequence", N(sequence)).Also("At", T(at)).Also("ActorId", S(entry.ActorId))
            .Also("Action", S(entry.Action)).Also("Target", S(Clip(entry.Target)!))
            .With("Detail", Clip(entry.Detail)).With("CorrelationId", entry.CorrelationId);
        if (!await PutNewAsync(item, cancellationToken))
            throw new InvalidOperationException($"Audit sequence {sequence} is taken: the audit counter was reset.");
        return ReadAudit(item);
    }

    /// <summary>Reads skip + take entries from the newest end; the total is a keys-only count of the partition.</summary>
    public async Task<Page<AuditEntry>> ListAuditAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var items = await QueryAsync(Partition(AuditPartition, newestFirst: true), cancellationToken, skip + take);
        var total = await CountAsync(Partition(AuditPartition), cancellationToken);
        return new Page<AuditEntry>(items.Skip(skip).Take(take).Select(ReadAudit).ToList(), skip, take, total);
    }

    private static AuditEntry ReadAudit(Item item) => new(
        item.Num("Sequence"), item.Time("At"), item.Str("ActorId"), item.Str("Action"), item.Str("Target"),
        item.OptStr("Detail"), item.OptStr("CorrelationId"));
}
