namespace MailRelay.Core.Inbound;

/// <summary>
/// Inbound items intake cannot read (a malformed envelope sidecar), so admins can see them and act.
/// Local: files in the drop folder; SQS has none here, its own redrive policy moves them to a dead-letter queue.
/// </summary>
public interface IStuckInboxItems
{
    /// <summary>Every stuck item with its reason, oldest first.</summary>
    Task<IReadOnlyList<StuckInboxItem>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets aside what makes the item unreadable (the sidecar), so the next intake reads the message
    /// and routes it by its headers. False when <paramref name="name"/> is not a stuck item.
    /// </summary>
    Task<bool> ReleaseAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes the item and its sidecar. False when <paramref name="name"/> is not a stuck item.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
