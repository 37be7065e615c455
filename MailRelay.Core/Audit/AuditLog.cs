using System.Diagnostics;
using MailRelay.Core.Common;

namespace MailRelay.Core.Audit;

/// <summary>Records who did what, stamped with the time and the current trace id.</summary>
public sealed class AuditLog(IAuditStore auditStore, TimeProvider time)
{
    public Task<AuditEntry> RecordAsync(string actorId, string action, string target, string? detail, CancellationToken cancellationToken) =>
        auditStore.AppendAuditAsync(
            new NewAuditEntry(actorId, action, target, detail, Activity.Current?.TraceId.ToString()),
            time.GetUtcNow(),
            cancellationToken);

    public Task<Page<AuditEntry>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        auditStore.ListAuditAsync(page.Clamped(), cancellationToken);

    /// <summary>The entries matching the filter, newest first; an invalid filter is refused with its problem.</summary>
    public Task<Page<AuditEntry>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        if (filter.Problem() is { } problem) throw new ArgumentException(problem, nameof(filter));
        return auditStore.ListAuditAsync(filter, page.Clamped(), cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListActorsAsync(CancellationToken cancellationToken) => auditStore.ListAuditActorsAsync(cancellationToken);

    /// <summary>Every matching entry, newest first, read page by page below the newest sequence seen, so entries appended meanwhile do not shift pages.</summary>
    public async IAsyncEnumerable<AuditEntry> ExportAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (filter.Problem() is { } problem) throw new ArgumentException(problem, nameof(filter));
        var page = await auditStore.ListAuditAsync(filter, PageRequest.First(Paging.MaxTake), cancellationToken);
        while (page.Items.Count > 0)
        {
            foreach (var entry in page.Items) yield return entry;
            if (page.Items.Count < Paging.MaxTake) yield break;
            page = await auditStore.ListAuditAsync(filter with { BeforeSequence = page.Items[^1].Sequence }, PageRequest.First(Paging.MaxTake), cancellationToken);
        }
    }
}
