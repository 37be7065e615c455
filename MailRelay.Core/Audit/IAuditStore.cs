using MailRelay.Core.Common;

namespace MailRelay.Core.Audit;

/// <summary>The audit log: appended to, never changed; read newest first.</summary>
public interface IAuditStore
{
    /// <summary>Appends to the audit log. Entries are never changed or removed.</summary>
    Task<AuditEntry> AppendAuditAsync(NewAuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Newest first; with <see cref="PageRequest.After"/> the page continues after that cursor.</summary>
    Task<Page<AuditEntry>> ListAuditAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// The audit entries that match <paramref name="filter"/>, newest first; with <see cref="PageRequest.After"/>
    /// the page continues after that cursor (made with the same filter). The matching total may be unknown (-1)
    /// where counting means reading every entry of the filter's months.
    /// </summary>
    Task<Page<AuditEntry>> ListAuditAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Everyone who appears as the actor of an entry, for the audit page's user filter.</summary>
    Task<IReadOnlyList<string>> ListAuditActorsAsync(CancellationToken cancellationToken);
}
