using MailRelay.Core.Common;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>Walks a paged list to its end, by the pages' Next cursors or by skip, for the cursor contracts.</summary>
internal static class PageWalk
{
    public static async Task<List<TKey>> ByCursorAsync<T, TKey>(Func<PageRequest, Task<Page<T>>> list, int take, Func<T, TKey> key)
    {
        var seen = new List<TKey>();
        var request = PageRequest.First(take);
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await list(request);
            seen.AddRange(page.Items.Select(key));
            if (page.Next is null) return seen;
            page.Items.Count.ShouldBe(take, "a page with a next cursor is full");
            request = new PageRequest(request.Skip + page.Items.Count, take, page.Next);
        }
        throw new InvalidOperationException("The cursors never ended.");
    }

    public static async Task<List<TKey>> BySkipAsync<T, TKey>(Func<PageRequest, Task<Page<T>>> list, int take, Func<T, TKey> key)
    {
        var seen = new List<TKey>();
        for (var skip = 0; ; skip += take)
        {
            var page = await list(new PageRequest(skip, take));
            seen.AddRange(page.Items.Select(key));
            if (page.Items.Count < take) return seen;
        }
    }

    /// <summary>Cursors that no list made: garbage, cut short, not base64, not JSON, an empty key.</summary>
    public static IEnumerable<string> Malformed(string valid) =>
        ["not a cursor!", valid[..(valid.Length / 2)], "%%%", "bnVsbA", "eyJMIjoibWVzc2FnZXMiLCJGIjoiIiwiSyI6e319", valid + "x"];
}
