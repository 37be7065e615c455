using MailRelay.Core.Audit;
using MailRelay.Core.Common;

namespace MailRelay.Core.Inbound;

/// <summary>Admins' view of inbox items intake cannot read, and their release or deletion, each audited.</summary>
public sealed class StuckInbox(IStuckInboxItems items, AuditLog audit, RelayEvents events)
{
    public Task<IReadOnlyList<StuckInboxItem>> ListAsync(CancellationToken cancellationToken) => items.ListAsync(cancellationToken);

    /// <summary>Lets intake read the item again without its broken envelope; Invalid for a name that is not a plain file name, NotFound for one not stuck.</summary>
    public Task<Result> ReleaseAsync(string actorId, string name, CancellationToken cancellationToken) =>
        ActAsync(actorId, name, AuditActions.InboxRelease, "released: intake reads it again and routes it by its headers",
            () => items.ReleaseAsync(name, cancellationToken), cancellationToken);

    /// <summary>Removes the item for good; Invalid for a name that is not a plain file name, NotFound for one not stuck.</summary>
    public Task<Result> DeleteAsync(string actorId, string name, CancellationToken cancellationToken) =>
        ActAsync(actorId, name, AuditActions.InboxDelete, "deleted", () => items.DeleteAsync(name, cancellationToken), cancellationToken);

    private async Task<Result> ActAsync(string actorId, string name, string action, string done, Func<Task<bool>> act, CancellationToken cancellationToken)
    {
        if (!InboxItemName.IsPlain(name))
            return Failure.Invalid($"'{name}' is not the name of an inbox file: a plain file name ending in .eml, without a path.");
        var reason = (await items.ListAsync(cancellationToken)).FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal))?.Reason;
        if (reason is null || !await act()) return Failure.NotFound(NotStuck(name));
        await audit.RecordAsync(actorId, action, name, $"{done}; it was stuck because: {reason}", cancellationToken);
        events.Publish(new RelayChange("inbox.changed", null, null));
        return Result.Ok();
    }

    /// <summary>The refusal for a name that is not a stuck item (unknown or gone meanwhile).</summary>
    private static string NotStuck(string name) => $"There is no stuck inbox item named '{name}'.";
}
