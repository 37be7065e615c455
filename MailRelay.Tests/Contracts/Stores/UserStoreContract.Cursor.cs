using MailRelay.Core.Common;
using MailRelay.Core.Users;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>The user list's cursor paging.</summary>
public abstract partial class UserStoreContract
{
    [Fact]
    public async Task ListUsers_WalkedByNextCursors_EveryUserOnceInSkipOrder()
    {
        for (var i = 0; i < 11; i++) await Stores.Users.EnsureUserAsync($"sub-{i}", $"user{(i * 7) % 11:D2}@example.com", $"User {i}", [], T0, default);
        Func<PageRequest, Task<Page<AppUser>>> list = page => Stores.Users.ListUsersAsync(page, default);

        var byCursor = await PageWalk.ByCursorAsync(list, 4, u => u.Id);

        byCursor.Count.ShouldBe(11);
        byCursor.ShouldBe(await PageWalk.BySkipAsync(list, 4, u => u.Id));
        byCursor.ShouldBeUnique();
    }

    [Fact]
    public async Task ListUsers_MalformedCursor_IsRefusedAsInvalid()
    {
        foreach (var name in new[] { "a", "b", "c" }) await Stores.Users.EnsureUserAsync(name, $"{name}@example.com", name, [], T0, default);
        var next = (await Stores.Users.ListUsersAsync(PageRequest.First(1), default)).Next.ShouldNotBeNull();

        foreach (var cursor in PageWalk.Malformed(next))
            await Should.ThrowAsync<InvalidCursorException>(() => Stores.Users.ListUsersAsync(new PageRequest(1, 1, cursor), default));
    }
}
