using MailRelay.Core.Common;

namespace MailRelay.Core.Cluster;

/// <summary>
/// The changes every instance made, shared so that a page served by one instance follows the work
/// of all (<see cref="RelayEvents"/> is one process's). Each instance appends its own changes in
/// coalesced batches and reads the other instances' batches of the last few seconds.
/// </summary>
public interface IRelayChangeFeed
{
    /// <summary>Appends one batch of <paramref name="origin"/>'s changes, stamped <paramref name="at"/>.</summary>
    Task AppendAsync(string origin, DateTimeOffset at, IReadOnlyCollection<RelayChange> changes, CancellationToken cancellationToken);

    /// <summary>
    /// The batches of origins other than <paramref name="reader"/> stamped at or after <paramref name="from"/>
    /// and before <paramref name="to"/> (a window of seconds, not hours), oldest first. A batch comes again
    /// in every read whose window covers it (the caller drops the ids it has seen); a batch may be
    /// missed by a read just after its append, never by one a few seconds later.
    /// </summary>
    Task<IReadOnlyList<RelayChangeBatch>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string reader, CancellationToken cancellationToken);
}
