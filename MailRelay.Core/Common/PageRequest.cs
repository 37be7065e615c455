namespace MailRelay.Core.Common;

/// <summary>
/// Which page of a list to read. <see cref="After"/> is the <see cref="Page{T}.Next"/> cursor of the page
/// before: when given, the list continues right after it and <see cref="Skip"/> only labels the page
/// (a store reads about <see cref="Take"/> items however deep the page is). Without it the store skips
/// <see cref="Skip"/> items, which costs reads in proportion to the depth (a jump to an arbitrary page).
/// A cursor belongs to one list and filter: given to another, or altered, it is refused with
/// <see cref="InvalidCursorException"/>.
/// </summary>
public sealed record PageRequest(int Skip, int Take, string? After = null)
{
    /// <summary>The first page of <paramref name="take"/> items.</summary>
    public static PageRequest First(int take) => new(0, take);

    /// <summary>The same request within the bounds every list keeps to (<see cref="Paging"/>); a blank cursor is none.</summary>
    public PageRequest Clamped() => new(Paging.Skip(Skip), Paging.Take(Take), string.IsNullOrWhiteSpace(After) ? null : After.Trim());
}
