namespace MailRelay.Core.Common;

/// <summary>One page of a longer list, with the total so a pager can show where it is.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Skip, int Take, int Total);
