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

    /// <summary>The unfiltered audit page: the same query as the audit page's filters, with none set.</summary>
    public Task<Page<AuditEntry>> ListAuditAsync(int skip, int take, CancellationToken cancellationToken) =>
        ListAuditAsync(AuditFilter.All, skip, take, cancellationToken);

    private static AuditEntry ReadAudit(Item item) => new(
        item.Num("Sequence"), item.Time("At"), item.Str("ActorId"), item.Str("Action"), item.Str("Target"),
        item.OptStr("Detail"), item.OptStr("CorrelationId"));
}
