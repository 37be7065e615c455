using MailRelay.Core.Common;
using MailRelay.Web.Components.Shared;

namespace MailRelay.Tests.Components;

/// <summary>The tables' cursor memory: the next page by cursor, any other page by skip, nothing kept across filters or page sizes.</summary>
public sealed class PageCursorsTests
{
    private static Page<int> PageOf(int skip, int count, int total, string? next) => new(Enumerable.Range(skip, count).ToList(), skip, 25, total, next);

    [Fact]
    public void RequestFor_NextPageAfterALoadedOne_CarriesItsCursor_AJumpOnlySkips()
    {
        var cursors = new PageCursors();
        cursors.RequestFor(0, 25).ShouldBe(new PageRequest(0, 25));
        cursors.Loaded(0, PageOf(0, 25, 100, "after-page-1"));

        cursors.RequestFor(1, 25).ShouldBe(new PageRequest(25, 25, "after-page-1"));
        cursors.RequestFor(3, 25).ShouldBe(new PageRequest(75, 25));
    }

    [Fact]
    public void Loaded_LastPage_ForgetsTheCursorAfterIt()
    {
        var cursors = new PageCursors();
        cursors.RequestFor(0, 25);
        cursors.Loaded(0, PageOf(0, 25, 100, "stale"));

        cursors.Loaded(0, PageOf(0, 25, 25, null));

        cursors.RequestFor(1, 25).After.ShouldBeNull();
    }

    [Fact]
    public void ResetOrANewPageSize_ForgetsEveryCursor()
    {
        var cursors = new PageCursors();
        cursors.RequestFor(0, 25);
        cursors.Loaded(0, PageOf(0, 25, 100, "c1"));
        cursors.Reset();
        cursors.RequestFor(1, 25).After.ShouldBeNull();

        cursors.Loaded(0, PageOf(0, 25, 100, "c2"));
        cursors.RequestFor(1, 50).ShouldBe(new PageRequest(50, 50));
    }

    [Fact]
    public void Loaded_UnknownTotal_PagesOnWhileThereIsANextPage_AndSaysOfMore()
    {
        var cursors = new PageCursors();
        cursors.RequestFor(1, 25);

        var open = cursors.Loaded(1, PageOf(25, 25, Paging.UnknownTotal, "more"));
        open.TotalItems.ShouldBe(75);
        cursors.InfoFormat.ShouldBe("{first_item}-{last_item} of more");

        var last = cursors.Loaded(2, PageOf(50, 7, Paging.UnknownTotal, null));
        last.TotalItems.ShouldBe(57);
        cursors.InfoFormat.ShouldBe("{first_item}-{last_item} of {all_items}");
    }
}
