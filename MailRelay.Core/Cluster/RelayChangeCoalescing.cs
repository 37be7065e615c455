using MailRelay.Core.Common;

namespace MailRelay.Core.Cluster;

/// <summary>
/// Shrinks a burst of changes to what pages need to know: one change per kind and user (the
/// message id kept only when there was one message), and past <see cref="MaxChanges"/> one per
/// kind for "several users". Pages decide on kind and user alone, so nothing they react to is lost.
/// </summary>
public static class RelayChangeCoalescing
{
    /// <summary>Keeps a batch item small (well under DynamoDB's 400 KB) whatever the burst.</summary>
    public const int MaxChanges = 100;

    public static IReadOnlyList<RelayChange> Coalesce(IEnumerable<RelayChange> changes)
    {
        var perUser = changes.GroupBy(c => (c.Kind, c.UserId))
            .Select(g => g.Select(c => c.MessageId).Distinct().Count() == 1 ? g.First() : g.First() with { MessageId = null })
            .ToList();
        return perUser.Count <= MaxChanges
            ? perUser
            : perUser.Select(c => c.Kind).Distinct().Select(kind => new RelayChange(kind, null, null)).ToList();
    }
}
