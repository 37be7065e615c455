namespace MailRelay.Core.Common;

/// <summary>
/// One page of a longer list, with the total so a pager can show where it is. <see cref="Total"/> is
/// <see cref="Paging.UnknownTotal"/> (-1) when counting would mean reading the whole list (a filtered
/// DynamoDB list): show "more" while <see cref="Next"/> is set. <see cref="Next"/> is the opaque
/// cursor of the following page (pass it as <see cref="PageRequest.After"/>), null on the last page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Skip, int Take, int Total, string? Next = null)
{
    /// <summary>False when the store did not count the list (<see cref="Total"/> is -1).</summary>
    public bool TotalKnown => Total >= 0;
}
