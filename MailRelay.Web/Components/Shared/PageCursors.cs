using MailRelay.Core.Common;
using MudBlazor;

namespace MailRelay.Web.Components.Shared;

/// <summary>
/// The cursors of one server-paged table: each loaded page's <see cref="Page{T}.Next"/> is kept for the page
/// after it, so moving to the next page (or back to one already reached) reads by cursor, about one page
/// whatever the depth; a jump to a page not reached yet reads by skip. Call <see cref="Reset"/> when the
/// filters change; a changed page size resets by itself.
/// </summary>
public sealed class PageCursors
{
    private const string KnownFormat = "{first_item}-{last_item} of {all_items}";
    private const string OpenFormat = "{first_item}-{last_item} of more";

    private readonly Dictionary<int, string> _after = [];
    private int _pageSize;

    /// <summary>The pager's text: "of more" while the store has not counted the list (<see cref="Page{T}.TotalKnown"/>).</summary>
    public string InfoFormat { get; private set; } = KnownFormat;

    /// <summary>What to ask for page <paramref name="pageIndex"/> (from 0): its cursor when one is known, and its skip.</summary>
    public PageRequest RequestFor(int pageIndex, int pageSize)
    {
        if (pageSize != _pageSize)
        {
            _after.Clear();
            _pageSize = pageSize;
        }
        return new PageRequest(pageIndex * pageSize, pageSize, _after.GetValueOrDefault(pageIndex));
    }

    /// <summary>Keeps the page's cursor for the next page and gives the table its rows and a total it can page with.</summary>
    public TableData<T> Loaded<T>(int pageIndex, Page<T> page)
    {
        if (page.Next is { } next) _after[pageIndex + 1] = next;
        else _after.Remove(pageIndex + 1);
        var known = page.TotalKnown || page.Next is null;
        InfoFormat = known ? KnownFormat : OpenFormat;
        // Unknown: the rows so far, and one more page while there is a next one (the pager's "next" stays enabled).
        var total = page.TotalKnown ? page.Total : page.Skip + page.Items.Count + (page.Next is null ? 0 : page.Take);
        return new TableData<T> { Items = page.Items, TotalItems = total };
    }

    /// <summary>Forgets every cursor: they belong to the filters they were read with.</summary>
    public void Reset() => _after.Clear();
}
